import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOX_ID, DEVICE_ID, KAZOO_FIRST_GET, node, sayXml, speak, TWIML_FIRST_GET, USER_ID, xml } from '../support/pivot.js';
import { askAt, FRONT_DESK_ID, menuEnv, OPEN, recording, SAY, unanswered } from './support.js';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

const box = node('voicemail', { id: BOX_ID, action: 'compose' });
const collected = (key: string) => askAt(menuEnv, OPEN, `/collected?attempt=0&Digits[menu]=${key}&${KAZOO_FIRST_GET}`);
const gathered = (key: string) => askAt(menuEnv, OPEN, `/gathered?attempt=0&${TWIML_FIRST_GET}`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `Digits=${key}&CallStatus=in-progress`,
});

// Ringing and voicemail answer Callflow JSON from both endpoints: from gathered too, so every path
// from a TwiML menu to voicemail reaches a recording.
const TARGETS: ReadonlyArray<readonly [string, string, unknown]> = [
  ['1', 'device', speak(SAY.connecting, node('device', { id: DEVICE_ID, timeout: 20 }, unanswered))],
  ['2', 'user', speak(SAY.connecting, node('user', { id: USER_ID, timeout: 20 }, unanswered))],
  ['3', 'number', speak(SAY.connecting, node('resources', { to_did: '+15551234567', timeout: 20 }, unanswered))],
  ['8', 'voicemail:BOXID', box],
  ['9', 'voicemail (ours: no VOICEMAIL_BOX_ID)', speak(SAY.leaveMessage, recording('reason=menu&detail=9'))],
  ['0', 'front-desk', speak(SAY.connecting, node('device', { id: FRONT_DESK_ID, timeout: 20 }, unanswered))],
];

describe('collected routes each target type in Callflow JSON', () => {
  it.each([...TARGETS, ['%2A', 'hangup', speak(SAY.goodbye, node('hangup', {}))] as const])('key %s → %s', async (key, _kind, expected) => {
    expect((await collected(key)).json).toEqual(expected);
  });

  it('RING_TIMEOUT and VOICEMAIL_BOX_ID shape the ring and what follows it', async () => {
    const env = { ...menuEnv, RING_TIMEOUT: '35', VOICEMAIL_BOX_ID: BOX_ID };
    const ring = await askAt(env, OPEN, `/collected?attempt=0&Digits[menu]=2&${KAZOO_FIRST_GET}`);
    expect(ring.json).toEqual(speak(SAY.connecting, node('user', { id: USER_ID, timeout: 35 }, speak(SAY.unanswered, box))));
    const plainVoicemail = await askAt(env, OPEN, `/collected?attempt=0&Digits[menu]=9&${KAZOO_FIRST_GET}`);
    expect(plainVoicemail.json).toEqual(box);
  });
});

describe('gathered (TwiML menu) answers the same Callflow JSON for each target', () => {
  it.each(TARGETS)('key %s → %s', async (key, _kind, expected) => {
    expect((await gathered(key)).json).toEqual(expected);
  });

  it('key * → hangup stays TwiML', async () => {
    expect((await gathered('%2A')).xml).toBe(xml(`${sayXml(SAY.goodbye)}<Hangup/>`));
  });

  it('the <Dial action> of an earlier answer comes back to front-desk, which takes a message when unanswered', async () => {
    const after = await askAt({ ...menuEnv, RESPONSE_FORMAT: 'twiml' }, OPEN, `/front-desk?step=after-dial&${TWIML_FIRST_GET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'DialCallStatus=no-answer&CallStatus=in-progress&Digits=1',
    });
    expect(after.json).toEqual(speak(SAY.unanswered, recording('reason=unanswered')));
  });
});
