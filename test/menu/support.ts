import { vi } from 'vitest';
import { ask, BASE, BOX_ID, DEVICE_ID, node, pivotAnswer, recordCall, recordingUrlFor, sayXml, speak, USER_ID } from '../support/pivot.js';

export const PROMPT = 'Press 1 for sales, 2 for support, 0 for the front desk.';
export const FRONT_DESK_ID = 'fd0fd0fd0fd0fd0fd0fd0fd0fd0fd0fd';
export const MENU = `1=device:${DEVICE_ID}; 2=user:${USER_ID}; 3=number:+15551234567; 8=voicemail:${BOX_ID}; 9=voicemail; 0=front-desk; *=hangup`;

export const menuEnv: Readonly<Record<string, string>> = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00',
  PUBLIC_BASE_URL: BASE,
  FRONT_DESK_DEVICE_ID: FRONT_DESK_ID,
  MENU,
  MENU_PROMPT: PROMPT,
};
// Monday 2026-11-23: 10:00 EST (open) and 17:05 EST (closed, a caller who waited past closing).
export const OPEN = '2026-11-23T15:00:00Z';
export const AFTER_CLOSING = '2026-11-23T22:05:00Z';

export const SAY = {
  connecting: 'Please hold while we connect you.',
  leaveMessage: 'Please leave a message.',
  goodbye: 'Thank you for calling. Goodbye.',
  noInput: 'Sorry, we did not hear a choice.',
  invalid: 'Sorry, that is not one of the choices.',
  givingUp: 'Sorry, we did not get a choice.',
  unanswered: 'Sorry, nobody is available to take your call. Please leave a message.',
  closed: 'Thank you for calling. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message.',
  forcedClosed: 'Thank you for calling. We are closed right now. Please leave a message.',
  apology: 'Sorry, we cannot connect your call right now. Please leave a message.',
} as const;

/** Ask one endpoint at `at`, returning the validated answer (schemas / TwiML rules checked). */
export async function askAt(env: Record<string, string>, at: string, path: string, init: RequestInit = {}) {
  vi.setSystemTime(new Date(at));
  return pivotAnswer(await ask(env, path, init));
}

export const form = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
export const jsonBody = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Our own recording (record_call) for `why`, e.g. `reason=menu&detail=9`, with the first GETs' caller. */
export const recording = (why: string) => recordCall(recordingUrlFor(why));
/** What follows a ring nobody answered, without a box. */
export const unanswered = speak(SAY.unanswered, recording('reason=unanswered'));
/** The general fallback with menuEnv: ring the front desk, a message (reason fallback) when unanswered. */
export const frontDeskRing = node('device', { id: FRONT_DESK_ID, timeout: 20 }, speak(SAY.unanswered, recording('reason=fallback')));

/** Callflow JSON our menu presents for `attempt`, saying `text`; the pivot's `_` child runs if collected fails. */
export const menuJson = (text: string, attempt: number, onFailure: unknown = frontDeskRing) =>
  speak(
    text,
    node('collect_dtmf', { collection_name: 'menu', max_digits: 1, timeout: 5000, terminators: ['#'] },
      node('pivot', { voice_url: `${BASE}/collected?attempt=${attempt}`, method: 'get', req_format: 'kazoo' }, onFailure)),
  );

/** TwiML our menu presents for `attempt`, saying `text`. */
export const menuXml = (text: string, attempt: number) =>
  `<Gather action="${BASE}/gathered?attempt=${attempt}" numDigits="1" timeout="5">${sayXml(text)}</Gather>` +
  `<Redirect>${BASE}/gathered?attempt=${attempt}&amp;input=none</Redirect>`;
