import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ask, BASE, BOX_ID, DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer, recordCall, recordingUrlFor, speak, TWIML_FIRST_GET, USER_ID, xml,
} from '../support/pivot.js';

const OPEN_GREETING = 'Thank you for calling. Please hold while we connect you.';
const UNANSWERED = 'Sorry, nobody is available to take your call. Please leave a message.';
// Closed by the hours, the greeting says when we reopen; forced closed, that sentence is left out.
const CLOSED = 'Thank you for calling. We are closed right now. We reopen today at 1 PM. Please leave a message.';
const FORCED_CLOSED = 'Thank you for calling. We are closed right now. Please leave a message.';

const base = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 08:30-12:00,13:00-17:30; Sa 10:00-14:00; Dec 25 off "Christmas"',
  PUBLIC_BASE_URL: BASE,
  FRONT_DESK_DEVICE_ID: DEVICE_ID,
};
// Monday 2026-11-23 10:00 EST = 15:00Z (open); 12:30 EST = 17:30Z (lunch, closed).
const MONDAY_OPEN = '2026-11-23T15:00:00Z';
const MONDAY_LUNCH = '2026-11-23T17:30:00Z';
const CHRISTMAS = '2026-12-25T15:00:00Z';

const box = node('voicemail', { id: BOX_ID, action: 'compose' });
/** The ring node's `_` child without a box: say so, then our own recording, reason unanswered. */
const unanswered = speak(UNANSWERED, recordCall(recordingUrlFor('reason=unanswered')));

async function frontDesk(env: Record<string, string>, at: string, query = KAZOO_FIRST_GET, init: RequestInit = {}) {
  vi.setSystemTime(new Date(at));
  return pivotAnswer(await ask(env, `/front-desk?${query}`, init));
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('front-desk, Callflow JSON', () => {
  it('open: greets, rings the device for RING_TIMEOUT, records the caller when unanswered', async () => {
    const { json } = await frontDesk(base, MONDAY_OPEN);
    expect(json).toEqual(speak(OPEN_GREETING, node('device', { id: DEVICE_ID, timeout: 20 }, unanswered)));
  });

  it('open: rings a user, or a number through carrier resources, with the voicemail box as the _ child', async () => {
    const user = await frontDesk({ ...base, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_USER_ID: USER_ID, VOICEMAIL_BOX_ID: BOX_ID, RING_TIMEOUT: '25', GREETING_OPEN: 'none' }, MONDAY_OPEN);
    expect(user.json).toEqual(node('user', { id: USER_ID, timeout: 25 }, speak(UNANSWERED, box)));
    const number = await frontDesk({ ...base, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_NUMBER: '+1 (555) 123-4567', GREETING_OPEN: 'none' }, MONDAY_OPEN);
    expect(number.json).toEqual(node('resources', { to_did: '+15551234567', timeout: 20 }, unanswered));
  });

  it('closed (lunch break): the closed greeting, then record_call with reason and caller in its url', async () => {
    const { json } = await frontDesk(base, MONDAY_LUNCH);
    const url = 'https://pivot.example.com/recordings?reason=closed&caller_name=Alice+Smith&caller_number=%2B14155550100&dialled=5000&recording=';
    expect(json).toEqual(
      speak(CLOSED,
        node('record_call', { action: 'start', url, format: 'mp3', method: 'put', time_limit: 300, record_min_sec: 2 },
          speak('Please speak now, and hang up when you are done.',
            node('sleep', { duration: 295, unit: 's' },
              node('record_call', { action: 'stop' },
                speak('Your message has reached the time limit and has been recorded. Thank you, goodbye.', node('hangup', {}))))))),
    );
  });

  it.each([
    ['Kazoo', base, KAZOO_FIRST_GET],
    ['TwiML', { ...base, RESPONSE_FORMAT: 'twiml' }, TWIML_FIRST_GET],
  ])('closed for a holiday, %s request: {reason} is spoken and rides in the url as detail', async (_dialect, env, query) => {
    const { json } = await frontDesk(env, CHRISTMAS, query);
    const greeting = 'Thank you for calling. Christmas. We are closed right now. We reopen tomorrow at 10 AM. Please leave a message.';
    expect(json).toEqual(speak(greeting, recordCall(recordingUrlFor('reason=closed&detail=Christmas'))));
  });

  it('closed with a Kazoo voicemail box: greeting, then the box', async () => {
    const { json } = await frontDesk({ ...base, VOICEMAIL_BOX_ID: BOX_ID }, MONDAY_LUNCH);
    expect(json).toEqual(speak(CLOSED, box));
  });

  it('FORCE_STATE closed wins over open hours, FORCE_STATE open over closed hours', async () => {
    expect((await frontDesk({ ...base, FORCE_STATE: 'closed' }, MONDAY_OPEN)).json).toEqual(speak(FORCED_CLOSED, recordCall(recordingUrlFor('reason=closed'))));
    const forcedOpen = await frontDesk({ ...base, FORCE_STATE: 'OPEN' }, MONDAY_LUNCH);
    expect(forcedOpen.json).toMatchObject({ module: 'tts', children: { _: { module: 'device' } } });
  });

  it('RECORDING_FORMAT and MAX_RECORDING_SECONDS shape record_call and the hold', async () => {
    const { json } = await frontDesk({ ...base, RECORDING_FORMAT: 'wav', MAX_RECORDING_SECONDS: '120' }, MONDAY_LUNCH);
    expect(json).toEqual(speak(CLOSED, recordCall(recordingUrlFor('reason=closed'), { format: 'wav', seconds: 120 })));
    const shortest = await frontDesk({ ...base, MAX_RECORDING_SECONDS: '5' }, MONDAY_LUNCH);
    expect(shortest.json).toMatchObject({ children: { _: { data: { time_limit: 5 }, children: { _: { children: { _: { module: 'sleep', data: { duration: 1 } } } } } } } });
  });

  it('caller facts in the url are stripped of control characters and capped at 100 code points', async () => {
    const name = `Zoë\u0007 ${'😀'.repeat(120)}`;
    const query = new URLSearchParams({ 'Call-ID': 'c1', 'Caller-ID-Name': name, 'Caller-ID-Number': '+1555\r\n0100', To: '+15557654321' });
    const { json } = await frontDesk(base, MONDAY_LUNCH, query.toString());
    const url = new URL((json as { children: { _: { data: { url: string } } } }).children._.data.url);
    expect(url.searchParams.get('caller_name')).toBe(`Zoë ${'😀'.repeat(96)}`);
    expect(url.searchParams.get('caller_number')).toBe('+15550100');
    expect(url.searchParams.get('dialled')).toBe('+15557654321');
    expect(url.search.endsWith('&recording=')).toBe(true);
  });
});

describe('front-desk, TwiML: every way from ringing to voicemail reaches a recording', () => {
  const twimlEnv = { ...base, RESPONSE_FORMAT: 'twiml' };

  it('open: rings in Callflow JSON, so busy, failed and unanswered all run the _ child (a recording)', async () => {
    const { json } = await frontDesk(twimlEnv, MONDAY_OPEN, TWIML_FIRST_GET);
    expect(json).toEqual(speak(OPEN_GREETING, node('device', { id: DEVICE_ID, timeout: 20 }, unanswered)));
  });

  it('open: a user and a number ring in Callflow JSON too', async () => {
    const user = await frontDesk({ ...twimlEnv, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_USER_ID: USER_ID, GREETING_OPEN: 'none' }, MONDAY_OPEN, TWIML_FIRST_GET);
    expect(user.json).toEqual(node('user', { id: USER_ID, timeout: 20 }, unanswered));
    const number = await frontDesk({ ...twimlEnv, FRONT_DESK_DEVICE_ID: '', FRONT_DESK_NUMBER: '+15551234567', GREETING_OPEN: 'none' }, MONDAY_OPEN, TWIML_FIRST_GET);
    expect(number.json).toEqual(node('resources', { to_did: '+15551234567', timeout: 20 }, unanswered));
  });

  it('closed: the greeting and record_call, answered as Callflow JSON', async () => {
    const { json } = await frontDesk(twimlEnv, MONDAY_LUNCH, TWIML_FIRST_GET);
    expect(json).toEqual(speak(CLOSED, recordCall(recordingUrlFor('reason=closed'))));
  });

  describe('the <Dial action> of earlier answers (front-desk?step=after-dial)', () => {
    const after = (pair: string) =>
      frontDesk(twimlEnv, MONDAY_OPEN, `step=after-dial&${TWIML_FIRST_GET}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `${pair}&DialCallSid=b-leg-1`,
      });

    it.each([
      ['DialCallStatus=completed&CallStatus=in-progress', 'answered'],
      ['DialCallStatus=completed&CallStatus=completed', 'answered, then the caller hung up'],
      ['DialCallStatus=in-progress&CallStatus=in-progress', 'an answered number dial that ended'],
    ])('%s (%s): a finished conversation hangs up, never a recording', async (pair) => {
      const { xml: body, json } = await after(pair);
      expect(json).toBeUndefined();
      expect(body).toBe(xml('<Hangup/>'));
    });

    it.each([
      ['DialCallStatus=no-answer&CallStatus=busy', 'reason=unanswered&detail=busy'],
      ['DialCallStatus=failed&CallStatus=failed', 'reason=unanswered&detail=failed'],
      ['DialCallStatus=no-answer&CallStatus=no-answer', 'reason=unanswered'],
      ['DialCallStatus=ringing&CallStatus=ringing', 'reason=unanswered'],
      ['CallStatus=in-progress', 'reason=unanswered'],
    ])('%s: a recording, in Callflow JSON', async (pair, why) => {
      expect((await after(pair)).json).toEqual(speak(UNANSWERED, recordCall(recordingUrlFor(why))));
    });

    it('with a voicemail box: the box', async () => {
      const { json } = await frontDesk({ ...twimlEnv, VOICEMAIL_BOX_ID: BOX_ID }, MONDAY_OPEN, `step=after-dial&DialCallStatus=no-answer&${TWIML_FIRST_GET}`);
      expect(json).toEqual(speak(UNANSWERED, box));
    });
  });

  it('RESPONSE_FORMAT auto: the menu in the dialect of the request, ringing in Callflow JSON either way', async () => {
    const autoEnv = { ...base, RESPONSE_FORMAT: 'auto', GREETING_OPEN: 'none' };
    expect((await frontDesk(autoEnv, MONDAY_OPEN, TWIML_FIRST_GET)).json).toMatchObject({ module: 'device' });
    const menuEnv = { ...autoEnv, MENU: `1=device:${DEVICE_ID}` };
    expect((await frontDesk(menuEnv, MONDAY_OPEN, TWIML_FIRST_GET)).xml).toContain('<Gather ');
    expect((await frontDesk(menuEnv, MONDAY_OPEN, KAZOO_FIRST_GET)).json).toMatchObject({ module: 'tts', children: { _: { module: 'collect_dtmf' } } });
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
