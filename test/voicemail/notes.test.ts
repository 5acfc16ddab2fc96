// What front-desk and the menu note for the request's log line (contract: state, reason, menu, ...).
import { describe, expect, it } from 'vitest';
import { answerFrontDesk } from '../../functions/front-desk/answer.js';
import { readPivotRequest } from '../../shared/adapter/index.js';
import { callerFacts, menuAnswer, type CallContext } from '../../shared/calls/index.js';
import { parseConfig } from '../../shared/config/index.js';
import type { PivotCall } from '../../shared/http/index.js';

const URLS = { 'front-desk': 'https://h/front-desk', collected: 'https://h/collected', gathered: 'https://h/gathered', recordings: 'https://h/recordings' };
const ENV = { TIMEZONE: 'UTC', BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"', FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };

async function notesOf(answer: (call: PivotCall) => unknown, env: Record<string, string>, at: string, query: string) {
  const request = await readPivotRequest(new Request(`https://h/?${query}`));
  const context: CallContext = { config: parseConfig(env), dialect: 'callflow', urls: URLS, caller: callerFacts(request) };
  const notes: Record<string, string> = {};
  const params = new URLSearchParams(query);
  await answer({ context, request, now: new Date(at), override: null, query: (name) => params.get(name) ?? undefined, note: (key, value) => void (notes[key] = value) });
  return notes;
}

// No CALLER_LOOKUP_URL here: the lookup is never asked.
const frontDesk = (call: PivotCall) => answerFrontDesk(call, () => Promise.reject(new Error('no lookup is configured')));

describe('decision notes', () => {
  it('front-desk notes open/closed and the holiday', async () => {
    expect(await notesOf(frontDesk, ENV, '2026-11-23T10:00:00Z', 'Call-ID=c')).toEqual({ state: 'open' });
    expect(await notesOf(frontDesk, ENV, '2026-12-25T10:00:00Z', 'Call-ID=c')).toEqual({ state: 'closed', reason: 'Christmas' });
  });

  it('front-desk notes the DialCallStatus/CallStatus pair of a <Dial action> request', async () => {
    expect(await notesOf(frontDesk, ENV, '2026-11-23T10:00:00Z', 'step=after-dial&CallSid=c&DialCallStatus=no-answer&CallStatus=busy')).toEqual({ dial: 'no-answer/busy' });
  });

  it('the menu notes the state and the key (or none)', async () => {
    const env = { ...ENV, MENU: '9=voicemail' };
    expect(await notesOf(menuAnswer, env, '2026-11-23T10:00:00Z', 'Call-ID=c&Digits[menu]=9')).toEqual({ state: 'open', menu: '9' });
    expect(await notesOf(menuAnswer, env, '2026-11-23T10:00:00Z', 'Call-ID=c')).toEqual({ state: 'open', menu: 'none' });
    expect(await notesOf(menuAnswer, env, '2026-12-25T10:00:00Z', 'Call-ID=c&Digits[menu]=9')).toEqual({ state: 'closed', reason: 'Christmas' });
  });
});
