import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask, BASE, BOX_ID, DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer, sayXml, speak, TWIML_FIRST_GET, USER_ID, xml } from '../support/pivot.js';

const OPEN_GREETING = 'Thank you for calling. Please hold while we connect you.';
const UNANSWERED = 'Sorry, nobody is available to take your call. Please leave a message.';
const RECORDED = 'Thank you. Your message has been recorded. Goodbye.';
// Closed by the hours, the greeting says when we reopen; forced closed, that sentence is left out.
const CLOSED = 'Thank you for calling. We are closed right now. We reopen today at 1 PM. Please leave a message.';
const FORCED_CLOSED = 'Thank you for calling. We are closed right now. Please leave a message.';
const NOTHING = 'We did not hear a message. Goodbye.';

const base = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 08:30-12:00,13:00-17:30; Sa 10:00-14:00',
  PUBLIC_BASE_URL: BASE,
  FRONT_DESK_DEVICE_ID: DEVICE_ID,
};
// Monday 2026-11-23 10:00 EST = 15:00Z (open); 12:30 EST = 17:30Z (lunch, closed).
const MONDAY_OPEN = '2026-11-23T15:00:00Z';
const MONDAY_LUNCH = '2026-11-23T17:30:00Z';

const recordThenGoodbye = node(
  'record_caller',
  { url: `${BASE}/recordings`, format: 'mp3', method: 'put', time_limit: 300 },
  speak(RECORDED, node('hangup', {})),
);
const twimlRecord = `<Record action="${BASE}/recordings" maxLength="300" timeout="5" playBeep="true"/>${sayXml(NOTHING)}<Hangup/>`;

async function frontDesk(env: Record<string, string>, at: string, query = KAZOO_FIRST_GET, init: RequestInit = {}) {
  vi.setSystemTime(new Date(at));
  return pivotAnswer(await ask(env, `/front-desk?${query}`, init));
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('front-desk, Callflow JSON', () => {
  it('open: greets, rings the device for RING_TIMEOUT, records the caller when unanswered', async () => {
    const { json } = await frontDesk(base, MONDAY_OPEN);
    expect(json).toEqual(speak(OPEN_GREETING, node('device', { id: DEVICE_ID, timeout: 20 }, speak(UNANSWERED, recordThenGoodbye))));
  });

  it('open: rings a user, or a number through carrier resources, with the voicemail box as the _ child', async () => {
    const user = await frontDesk({ ...base, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_USER_ID: USER_ID, VOICEMAIL_BOX_ID: BOX_ID, RING_TIMEOUT: '25', GREETING_OPEN: 'none' }, MONDAY_OPEN);
    expect(user.json).toEqual(node('user', { id: USER_ID, timeout: 25 }, speak(UNANSWERED, node('voicemail', { id: BOX_ID, action: 'compose' }))));
    const number = await frontDesk({ ...base, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_NUMBER: '+1 (555) 123-4567', GREETING_OPEN: 'none' }, MONDAY_OPEN);
    expect(number.json).toEqual(node('resources', { to_did: '+15551234567', timeout: 20 }, speak(UNANSWERED, recordThenGoodbye)));
  });

  it('closed (lunch break): the closed greeting, then our own recording', async () => {
    const { json } = await frontDesk(base, MONDAY_LUNCH);
    expect(json).toEqual(speak(CLOSED, recordThenGoodbye));
  });

  it('closed with a Kazoo voicemail box: greeting, then the box', async () => {
    const { json } = await frontDesk({ ...base, VOICEMAIL_BOX_ID: BOX_ID }, MONDAY_LUNCH);
    expect(json).toEqual(speak(CLOSED, node('voicemail', { id: BOX_ID, action: 'compose' })));
  });

  it('FORCE_STATE closed wins over open hours, FORCE_STATE open over closed hours', async () => {
    expect((await frontDesk({ ...base, FORCE_STATE: 'closed' }, MONDAY_OPEN)).json).toEqual(speak(FORCED_CLOSED, recordThenGoodbye));
    const forcedOpen = await frontDesk({ ...base, FORCE_STATE: 'OPEN' }, MONDAY_LUNCH);
    expect(forcedOpen.json).toMatchObject({ module: 'tts', children: { _: { module: 'device' } } });
  });

  it('RECORDING_FORMAT and MAX_RECORDING_SECONDS shape record_caller', async () => {
    const { json } = await frontDesk({ ...base, RECORDING_FORMAT: 'wav', MAX_RECORDING_SECONDS: '120' }, MONDAY_LUNCH);
    expect(json).toEqual(
      speak(CLOSED, node('record_caller', { url: `${BASE}/recordings`, format: 'wav', method: 'put', time_limit: 120 }, speak(RECORDED, node('hangup', {})))),
    );
  });
});

describe('front-desk, TwiML', () => {
  const twimlEnv = { ...base, RESPONSE_FORMAT: 'twiml' };

  it('open: Say, then Dial the device with an action back to front-desk', async () => {
    const { xml: body } = await frontDesk(twimlEnv, MONDAY_OPEN);
    expect(body).toBe(xml(`${sayXml(OPEN_GREETING)}<Dial action="${BASE}/front-desk?step=after-dial" timeout="20"><Device>${DEVICE_ID}</Device></Dial>`));
  });

  it('open: a user is a <User> noun, a number is plain text', async () => {
    const user = await frontDesk({ ...twimlEnv, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_USER_ID: USER_ID, GREETING_OPEN: 'none' }, MONDAY_OPEN);
    expect(user.xml).toBe(xml(`<Dial action="${BASE}/front-desk?step=after-dial" timeout="20"><User>${USER_ID}</User></Dial>`));
    const number = await frontDesk({ ...twimlEnv, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_NUMBER: '+15551234567', GREETING_OPEN: 'none' }, MONDAY_OPEN);
    expect(number.xml).toBe(xml(`<Dial action="${BASE}/front-desk?step=after-dial" timeout="20">+15551234567</Dial>`));
  });

  it('Dial action: completed hangs up; no-answer, busy or failed takes a message', async () => {
    const after = (status: string) =>
      frontDesk(twimlEnv, MONDAY_OPEN, `step=after-dial&${TWIML_FIRST_GET}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `DialCallStatus=${status}&DialCallSid=b-leg-1&CallStatus=in-progress`,
      });
    expect((await after('completed')).xml).toBe(xml('<Hangup/>'));
    for (const status of ['no-answer', 'busy', 'failed']) {
      expect((await after(status)).xml).toBe(xml(`${sayXml(UNANSWERED)}${twimlRecord}`));
    }
  });

  it('Dial action with a voicemail box: answers Callflow JSON (TwiML has no voicemail verb)', async () => {
    const { json } = await frontDesk({ ...twimlEnv, VOICEMAIL_BOX_ID: BOX_ID }, MONDAY_OPEN, `step=after-dial&DialCallStatus=no-answer&${TWIML_FIRST_GET}`);
    expect(json).toEqual(speak(UNANSWERED, node('voicemail', { id: BOX_ID, action: 'compose' })));
  });

  it('closed: the greeting, then Record to the recordings endpoint', async () => {
    const { xml: body } = await frontDesk(twimlEnv, MONDAY_LUNCH);
    expect(body).toBe(xml(`${sayXml(CLOSED)}${twimlRecord}`));
  });

  it('RESPONSE_FORMAT auto answers in the dialect of the request', async () => {
    const autoEnv = { ...base, RESPONSE_FORMAT: 'auto', GREETING_OPEN: 'none' };
    expect((await frontDesk(autoEnv, MONDAY_OPEN, TWIML_FIRST_GET)).xml).toContain('<Dial ');
    expect((await frontDesk(autoEnv, MONDAY_OPEN, KAZOO_FIRST_GET)).json).toMatchObject({ module: 'device' });
  });
});

describe('front-desk at the exact minutes', () => {
  // Sundays of both 2026 DST changes in New York, open 01:30-03:30 local.
  const dstEnv = { ...base, BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Su 01:30-03:30', GREETING_OPEN: 'none' };
  const isOpen = async (at: string, env: Record<string, string> = dstEnv) =>
    ((await frontDesk(env, at)).json as { module: string }).module === 'device';

  it.each([
    ['2026-03-08T06:29:00Z', false, '01:29 EST, spring-forward day'],
    ['2026-03-08T06:30:00Z', true, '01:30 EST opens'],
    ['2026-03-08T06:59:00Z', true, '01:59 EST, the last minute before the jump'],
    ['2026-03-08T07:00:00Z', true, '03:00 EDT, right after the jump'],
    ['2026-03-08T07:29:00Z', true, '03:29 EDT'],
    ['2026-03-08T07:30:00Z', false, '03:30 EDT closes: one real hour open'],
    ['2026-11-01T05:29:00Z', false, '01:29 EDT, fall-back day'],
    ['2026-11-01T05:30:00Z', true, '01:30 EDT opens'],
    ['2026-11-01T06:30:00Z', true, '01:30 EST, the repeated hour'],
    ['2026-11-01T08:29:00Z', true, '03:29 EST'],
    ['2026-11-01T08:30:00Z', false, '03:30 EST closes'],
  ])('%s is open=%s (%s)', async (at, open) => {
    expect(await isOpen(at)).toBe(open);
  });

  it.each([
    ['2026-11-23T13:59:59Z', false],
    ['2026-11-23T14:00:00Z', true],
    ['2026-11-23T21:59:59Z', true],
    ['2026-11-23T22:00:00Z', false],
  ])('Monday 09:00-17:00 EST is half-open: %s open=%s', async (at, open) => {
    expect(await isOpen(at)).toBe(open);
  });
});
