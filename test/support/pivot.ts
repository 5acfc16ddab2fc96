import { expect } from 'vitest';
import { createAllInOneApp } from '../../functions/local/app.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import { callflowProblems, kazooSchemasPresent } from './kazoo-schemas.js';
import { twimlProblems } from './twiml-check.js';

export const DEVICE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const USER_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
export const BOX_ID = 'b0b0b0b0c1c1c1c1d2d2d2d2e3e3e3e3';
export const BASE = 'https://pivot.example.com';

/** A first request as Kazoo sends it with req_format kazoo (GET, legacy encoding, empty objects as &&). */
export const KAZOO_FIRST_GET =
  'Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=abc123%40192.168.1.2&Caller-ID-Name=Alice+Smith' +
  '&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&From-Realm=sip.example.com&Language=en-us' +
  '&Request=5000&Request-Realm=sip.example.com&To=5000&To-Realm=sip.example.com';

/** The same call with req_format twiml. */
export const TWIML_FIRST_GET =
  'CallSid=abc123%40192.168.1.2&AccountSid=4b8c0d0e0f101112131415161718191a&From=%2B14155550100&FromRealm=sip.example.com' +
  '&To=5000&ToRealm=sip.example.com&ApiVersion=2010-04-01&Direction=inbound&CallerName=Alice+Smith&CallerNumber=%2B14155550100';

/** Ask an app built from `env` (a fresh object per test, so config parsing is not shared). */
export async function ask(env: Record<string, string>, path: string, init: RequestInit = {}): Promise<Response> {
  const app = createAllInOneApp(nodePlatform({ ...env }), { store: fsRecordingStore });
  return app.request(`${BASE}${path}`, init);
}

/** Read a Pivot answer, asserting 200 and that Kazoo would accept it (schemas, TwiML rules). */
export async function pivotAnswer(response: Response): Promise<{ readonly json?: unknown; readonly xml?: string }> {
  expect(response.status).toBe(200);
  const body = await response.text();
  const type = response.headers.get('content-type');
  if (type === 'application/json') {
    const json: unknown = JSON.parse(body);
    if (kazooSchemasPresent) expect(callflowProblems(json)).toEqual([]);
    return { json };
  }
  expect(type).toBe('application/xml');
  expect(twimlProblems(body)).toEqual([]);
  return { xml: body };
}

/** Build the expected Callflow JSON tersely: `node('tts', {...}, next)`. */
export function node(module: string, data: Record<string, unknown>, next?: unknown): unknown {
  return { module, data, children: next === undefined ? {} : { _: next } };
}

export const speak = (text: string, next?: unknown) => node('tts', { text, voice: 'female', language: 'en-US' }, next);
export const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
export const sayXml = (text: string) => `<Say voice="female" language="en">${text}</Say>`;

/** What KAZOO_FIRST_GET and TWIML_FIRST_GET say about the caller, as our record_call URL carries it. */
export const CALLER_QUERY = 'caller_name=Alice+Smith&caller_number=%2B14155550100&dialled=5000';

/** Our record_call `url`: the recordings URL, `why` (e.g. `reason=closed`), the caller, and an empty `recording=` last. */
export const recordingUrlFor = (why: string, recordings = `${BASE}/recordings`, caller = CALLER_QUERY) =>
  `${recordings}?${why}${caller === '' ? '' : `&${caller}`}&recording=`;

export const SPEAK_NOW = 'Please speak now, and hang up when you are done.';
export const TIME_UP = 'Your message has reached the time limit and has been recorded. Thank you, goodbye.';

/** Our own voicemail, exactly: record_call start → "speak now" → sleep → record_call stop → time-up goodbye → hangup. */
export function recordCall(url: string, { format = 'mp3', seconds = 300 }: { format?: string; seconds?: number } = {}): unknown {
  const stop = node('record_call', { action: 'stop' }, speak(TIME_UP, node('hangup', {})));
  const start = { action: 'start', url, format, method: 'put', time_limit: seconds, record_min_sec: 2 };
  return node('record_call', start, speak(SPEAK_NOW, node('sleep', { duration: seconds - 5, unit: 's' }, stop)));
}
