import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOX_ID, KAZOO_FIRST_GET, node, speak, TWIML_FIRST_GET, xml } from '../support/pivot.js';
import { askAt, menuEnv, menuJson, menuXml, OPEN, PROMPT, SAY } from './support.js';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('front-desk presents the menu when open and MENU is set', () => {
  it('Callflow JSON: tts of MENU_PROMPT, collect_dtmf into our collection, a pivot child to COLLECTED_URL', async () => {
    const { json } = await askAt(menuEnv, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    expect(json).toEqual(menuJson(PROMPT, 0));
  });

  it('Callflow JSON: a key pressed during the prompt is not lost', async () => {
    const { json } = await askAt(menuEnv, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    const tts = json as { data: Record<string, unknown>; children: { _: { module: string } } };
    // No `terminators`: Kazoo's default (every key) stops the prompt and keeps the key in the
    // `default` collection, which the collect_dtmf right after takes as its first digit.
    expect(tts.data).not.toHaveProperty('terminators');
    expect(tts.children._.module).toBe('collect_dtmf');
  });

  it('Callflow JSON: if collected cannot answer, the pivot node\'s _ child is the fallback, not a hang-up', async () => {
    const { json } = await askAt({ ...menuEnv, VOICEMAIL_BOX_ID: BOX_ID }, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    expect(json).toEqual(menuJson(PROMPT, 0, speak(SAY.apology, node('voicemail', { id: BOX_ID, action: 'compose' }))));
  });

  it('TwiML: the prompt nested in <Gather numDigits=1>, then a Redirect for no input', async () => {
    const { xml: body } = await askAt({ ...menuEnv, RESPONSE_FORMAT: 'twiml' }, OPEN, `/front-desk?${TWIML_FIRST_GET}`);
    expect(body).toBe(xml(menuXml(PROMPT, 0)));
  });

  it('COLLECTED_URL and GATHERED_URL, when set, are the URLs handed out', async () => {
    const env = { ...menuEnv, COLLECTED_URL: 'https://menu.example.net/c', GATHERED_URL: 'https://menu.example.net/g' };
    const callflow = await askAt(env, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    expect(JSON.stringify(callflow.json)).toContain('"voice_url":"https://menu.example.net/c?attempt=0"');
    const twiml = await askAt({ ...env, RESPONSE_FORMAT: 'twiml' }, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    expect(twiml.xml).toContain('<Gather action="https://menu.example.net/g?attempt=0"');
  });

  it('MENU_PROMPT unset: a prompt is spoken from the entries', async () => {
    const { MENU_PROMPT: _prompt, ...env } = menuEnv;
    const { json } = await askAt(env, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    expect((json as { data: { text: string } }).data.text).toBe(
      'Press 1, 2 or 3 to speak to someone. Press 8 or 9 to leave a message. Press 0 for the front desk. Press star to end this call.',
    );
  });

  it('PIVOT_TOKEN rides in the menu URLs as userinfo', async () => {
    const env = { ...menuEnv, PIVOT_TOKEN: 'tok3n' };
    const { json } = await askAt(env, OPEN, `/front-desk?token=tok3n&${KAZOO_FIRST_GET}`);
    expect(JSON.stringify(json)).toContain('"voice_url":"https://pivot:tok3n@pivot.example.com/collected?attempt=0"');
  });
});
