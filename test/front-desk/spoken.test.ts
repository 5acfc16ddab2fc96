import { describe, expect, it } from 'vitest';
import { ask, BASE, DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer, TWIML_FIRST_GET } from '../support/pivot.js';

const env = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
  PUBLIC_BASE_URL: BASE,
  FRONT_DESK_DEVICE_ID: DEVICE_ID,
  VOICEMAIL_BOX_ID: 'b0b0b0b0c1c1c1c1d2d2d2d2e3e3e3e3',
  ADMIN_TOKEN: 'admin',
};
const at = (instant: string): RequestInit => ({ headers: { 'x-simulate-at': instant, 'x-admin-token': 'admin' } });
// A greeting of 2,100 characters whose 1000th falls inside a family emoji.
const LONG = `${'Welcome! '.repeat(110)}${'a'.repeat(7)}👩‍👩‍👧 ${'We are glad you called. '.repeat(45)}`.trim();

type Action = { module: string; data: { text?: string }; children: { _?: unknown } };

/** The texts of the tts chain the answer starts with, and the action after it. */
function ttsChain(json: unknown): { texts: string[]; then: Action } {
  const texts: string[] = [];
  let current = json as Action;
  while (current.module === 'tts') {
    texts.push(current.data.text ?? '');
    current = current.children._ as Action;
  }
  return { texts, then: current };
}

describe('front-desk says long greetings whole, in pieces Kazoo accepts', () => {
  it.each([
    ['Callflow JSON', {}, KAZOO_FIRST_GET],
    // Ringing is Callflow JSON in both dialects, so a TwiML request gets the same tts nodes.
    ['TwiML request', { RESPONSE_FORMAT: 'twiml' }, TWIML_FIRST_GET],
  ])('%s: consecutive tts nodes, then the ring', async (_name, extra, query) => {
    const { json } = await pivotAnswer(await ask({ ...env, ...extra, GREETING_OPEN: LONG }, `/front-desk?${query}`, at('2026-11-23T15:00:00Z')));
    const { texts, then } = ttsChain(json);
    expect(texts.join('')).toBe(LONG);
    expect(texts.length).toBe(3);
    expect(texts[0]?.endsWith('Welcome! ')).toBe(true);
    expect(then).toMatchObject({ module: 'device', data: { id: DEVICE_ID } });
  });

  it('TwiML: a long menu prompt is consecutive <Say> verbs inside the <Gather>', async () => {
    const menuEnv = { ...env, RESPONSE_FORMAT: 'twiml', MENU: `1=device:${DEVICE_ID}`, MENU_PROMPT: LONG };
    const { xml: body } = await pivotAnswer(await ask(menuEnv, `/front-desk?${TWIML_FIRST_GET}`, at('2026-11-23T15:00:00Z')));
    const gather = /<Gather [^>]*>(.*)<\/Gather>/.exec(body ?? '')?.[1] ?? '';
    const says = [...gather.matchAll(/<Say voice="female" language="en">([^<]*)<\/Say>/g)].map((match) => match[1]?.replace(/&apos;/g, "'"));
    expect(says.join('')).toBe(LONG);
    expect(says.length).toBe(3);
  });
});

describe('front-desk says when we reopen', () => {
  it('Friday evening: Monday at 9 AM (Callflow JSON)', async () => {
    const { json } = await pivotAnswer(await ask(env, `/front-desk?${KAZOO_FIRST_GET}`, at('2026-11-27T23:00:00Z')));
    expect(json).toEqual(
      node(
        'tts',
        { text: 'Thank you for calling. We are closed right now. We reopen Monday at 9 AM. Please leave a message.', voice: 'female', language: 'en-US' },
        node('voicemail', { id: 'b0b0b0b0c1c1c1c1d2d2d2d2e3e3e3e3', action: 'compose' }),
      ),
    );
  });

  it('Christmas morning (a Thursday in 2025): the reason, then tomorrow at 9 AM (TwiML request, answered with record_call)', async () => {
    const response = await ask({ ...env, RESPONSE_FORMAT: 'twiml', VOICEMAIL_BOX_ID: '' }, `/front-desk?${TWIML_FIRST_GET}`, at('2025-12-25T15:00:00Z'));
    const { json } = await pivotAnswer(response);
    // What follows the greeting (how the message is taken) is the voicemail flow's business.
    expect(json).toMatchObject({
      module: 'tts',
      data: { text: 'Thank you for calling. Christmas. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message.' },
      children: { _: { module: 'record_call' } },
    });
  });
});
