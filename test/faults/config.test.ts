// Each documented variable broken in turn (README "Configuration"): every call still gets a valid
// flow (exactly the flow of the variable left unset, or the fallback where the variable decides
// whether the business is open or what a key does), and the problem is reported once, naming the
// variable, on the first request's log line; never again for the same process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAllInOneApp } from '../../functions/local/app.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import { parseConfig } from '../../shared/config/index.js';
import { fsSettingsStore } from '../../shared/platform/settings-fs.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { knownVariables } from '../../scripts/deploy/settings.js';
import { logLines } from '../support/log-capture.js';
import { BASE, DEVICE_ID, KAZOO_FIRST_GET, pivotAnswer, TWIML_FIRST_GET, USER_ID } from '../support/pivot.js';

const PIVOT_TOKEN = 'config-faults-pivot-token';
const ADMIN_TOKEN = 'config-faults-admin-token';
let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'pivot-edge-config-faults-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A working setup: hours with a holiday, a menu, a front desk, our own voicemail. */
const base = (): Record<string, string> => ({
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
  FRONT_DESK_DEVICE_ID: DEVICE_ID,
  MENU: `1=device:${DEVICE_ID} "Sales"; 2=user:${USER_ID}; 9=voicemail; 0=front-desk`,
  RESPONSE_FORMAT: 'auto',
  PIVOT_TOKEN,
  ADMIN_TOKEN,
  PUBLIC_BASE_URL: BASE,
  RECORDINGS_DIR: dir,
});

interface Broken {
  readonly value: string;
  /** `validated`: the config checks it (a problem, the default or the fallback); `text`: any value is taken as is. */
  readonly kind: 'validated' | 'text';
  /** Other variables this one needs, or that would hide it. */
  readonly with?: Record<string, string>;
  readonly without?: readonly string[];
  /**
   * Which of the day's calls (see `calls`) it decides, so that broken they get the fallback; every
   * other call is answered exactly as with the variable unset (its default).
   */
  readonly decides?: readonly boolean[];
}

const STATE = [true, true, true, true, false];

const HOSTILE_TEXT = `<Say>&"' \u0000\u0007\ud800 😀 {reason} {next_open} {nope} ${'a sentence of words. '.repeat(150)}`;

/** A bad value for every documented variable. */
const BROKEN: Readonly<Record<string, Broken>> = {
  TIMEZONE: { value: 'Mars/Olympus', kind: 'validated', decides: STATE },
  BUSINESS_HOURS: { value: 'Mon-Fri 9-5', kind: 'validated', decides: STATE },
  FORCE_STATE: { value: 'maybe', kind: 'validated', decides: STATE },
  RESPONSE_FORMAT: { value: 'xml', kind: 'validated' },
  FRONT_DESK_DEVICE_ID: { value: 'desk-1', kind: 'validated' },
  FRONT_DESK_USER_ID: { value: 'user-1', kind: 'validated', without: ['FRONT_DESK_DEVICE_ID'] },
  FRONT_DESK_NUMBER: { value: 'call me', kind: 'validated', without: ['FRONT_DESK_DEVICE_ID'] },
  RING_TIMEOUT: { value: '2', kind: 'validated' },
  VOICEMAIL_BOX_ID: { value: 'box-1', kind: 'validated' },
  GREETING_OPEN: { value: HOSTILE_TEXT, kind: 'text', without: ['MENU'] },
  GREETING_CLOSED: { value: HOSTILE_TEXT, kind: 'text' },
  TTS_VOICE: { value: 'alice', kind: 'validated' },
  TTS_LANGUAGE: { value: 'pt-br', kind: 'validated' },
  // The menu, where it is offered (open hours) and where a key arrives.
  MENU: { value: '1=sales', kind: 'validated', decides: [true, false, true, true, false] },
  MENU_PROMPT: { value: HOSTILE_TEXT, kind: 'text' },
  MENU_RETRIES: { value: '9', kind: 'validated' },
  PUBLIC_BASE_URL: { value: '/relative', kind: 'validated' },
  WORKERS_SUBDOMAIN: { value: 'not a sub.domain', kind: 'text' },
  FRONT_DESK_URL: { value: 'pivot.example.com/front-desk', kind: 'validated' },
  // Where the Callflow menu sends the key: without it the menu is not offered.
  COLLECTED_URL: { value: 'pivot.example.com/collected', kind: 'validated', decides: [true, false, false, false, false] },
  GATHERED_URL: { value: 'ftp://pivot.example.com/gathered', kind: 'validated' },
  RECORDINGS_URL: { value: 'recordings', kind: 'validated' },
  PIVOT_TOKEN: { value: 'a token: with spaces, colons and "quotes"', kind: 'text' },
  ADMIN_TOKEN: { value: 'an admin token: with spaces', kind: 'text' },
  RECORDING_FORMAT: { value: 'ogg', kind: 'validated' },
  MAX_RECORDING_SECONDS: { value: '3', kind: 'validated' },
  MAX_RECORDING_MB: { value: '0', kind: 'validated' },
  RETENTION_DAYS: { value: '-1', kind: 'validated' },
  NOTIFY_WEBHOOK_URL: { value: 'hooks.slack.com/services/T000/B000/NEVER-IN-A-LOG', kind: 'validated' },
  NOTIFY_FORMAT: { value: 'xml', kind: 'validated', with: { NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/x' } },
  RECORDINGS_DIR: { value: '/dev/null/recordings', kind: 'text' },
  RECORDINGS_BUCKET: { value: '../not a bucket', kind: 'text' },
  // Lambda's store only: a bad one fails uploads there (503, the cause on the line), calls never read it.
  S3_ENDPOINT: { value: 'minio:9000 without a scheme', kind: 'text' },
  RECORDINGS: { value: 'not-a-binding', kind: 'text' },
  LOG_LEVEL: { value: 'verbose', kind: 'validated' },
  PORT: { value: '99999', kind: 'validated' },
  HOST: { value: 'not a host', kind: 'text' },
  // The caller rules (front-desk only).
  DEFAULT_COUNTRY_CODE: { value: '0044', kind: 'validated' },
  VIP_NUMBERS: { value: 'the boss', kind: 'validated' },
  VIP_TARGET: { value: 'desk', kind: 'validated' },
  BLOCKED_NUMBERS: { value: 'call me', kind: 'validated' },
  BLOCK_ANONYMOUS: { value: 'maybe', kind: 'validated' },
  CALLER_LOOKUP_URL: { value: 'lookup.example.com/who', kind: 'validated' },
  CALLER_LOOKUP_METHOD: { value: 'put', kind: 'validated' },
  CALLER_LOOKUP_TIMEOUT_MS: { value: '5', kind: 'validated' },
  CALLER_LOOKUP_CACHE_SECONDS: { value: '-1', kind: 'validated' },
  CALLER_LOOKUP_OVERRIDES: { value: 'yes', kind: 'validated' },
  CALLER_LOOKUP_AUTH: { value: 'two  spaces NEVER-IN-A-LOG', kind: 'validated' },
};
/** A variable documented later by another change, until it gets a line above: any value, checked the same way. */
const GENERIC: Broken = { value: 'not-a-valid-value \u0007', kind: 'text' };

const open = { 'x-simulate-at': '2026-11-30T10:00' };
const closed = { 'x-simulate-at': '2026-12-25T10:00' };

/** The calls of a day, in both dialects, and what the caller is answered to each (status, type, body). */
async function calls(env: Record<string, string>): Promise<{ readonly bodies: string[]; readonly lines: Record<string, unknown>[] }> {
  const app = createAllInOneApp(nodePlatform(env), { store: fsRecordingStore, settings: fsSettingsStore });
  const token = env.PIVOT_TOKEN ?? '';
  const admin = env.ADMIN_TOKEN ?? '';
  const auth = { authorization: `Basic ${Buffer.from(`pivot:${token}`).toString('base64')}`, 'x-admin-token': admin };
  const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' };
  const requests: [string, RequestInit][] = [
    [`/front-desk?${KAZOO_FIRST_GET}`, { headers: { ...auth, ...open } }],
    [`/front-desk?${TWIML_FIRST_GET}`, { headers: { ...auth, ...closed } }],
    [`/collected?attempt=0&${KAZOO_FIRST_GET}&Digits[menu]=1`, { headers: { ...auth, ...open } }],
    [`/gathered?attempt=0&${TWIML_FIRST_GET}&Digits=2`, { headers: { ...auth, ...open } }],
    ['/recordings?reason=closed', { method: 'POST', headers: form, body: `${TWIML_FIRST_GET}&RecordingUrl=${encodeURIComponent(`${BASE}/recordings/call_recording_abc.mp3`)}&RecordingDuration=7` }],
  ];
  const before = logLines().length;
  const bodies: string[] = [];
  for (const [path, init] of requests) {
    const response = await app.request(`${BASE}${path}`, init);
    const answer = await pivotAnswer(response.clone());
    expect(answer).toBeDefined();
    bodies.push(await response.text());
  }
  return { bodies, lines: logLines().slice(before) };
}

/** The working setup with `variable` broken, or (`unset`) left out, and what it needs or hides. */
function envWith(variable: string, broken: Broken, { unset = false } = {}): Record<string, string> {
  const env = { ...base(), ...broken.with };
  for (const name of broken.without ?? []) delete env[name];
  if (unset) delete env[variable];
  else env[variable] = broken.value;
  return env;
}

describe('each documented variable broken in turn', () => {
  const documented = [...knownVariables({})].sort();

  it('covers the README table (sanity: the list is read)', () => {
    expect(documented).toEqual(expect.arrayContaining(['TIMEZONE', 'BUSINESS_HOURS', 'MENU', 'PIVOT_TOKEN', 'NOTIFY_WEBHOOK_URL', 'PORT']));
    expect(documented.filter((name) => BROKEN[name] === undefined)).toEqual([]);
  });

  it.each(documented)('%s', async (variable) => {
    const broken = BROKEN[variable] ?? GENERIC;
    const env = envWith(variable, broken);
    const problems = parseConfig(env).problems.filter((problem) => problem.variable === variable);
    const { bodies, lines } = await calls(env);

    // Reported once, on the first line, naming the variable; never a second time in this process.
    const naming = lines.filter((line) => typeof line['configProblems'] === 'string' && (line['configProblems'] as string).includes(`${variable}:`));
    if (broken.kind === 'validated') {
      expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(new RegExp(`^${variable}: `))]);
      expect(naming).toHaveLength(1);
      expect(lines.indexOf(naming[0]!)).toBe(0);
      expect(naming[0]).toMatchObject({ level: 'warn' });
    } else {
      expect(problems).toEqual([]);
      expect(naming).toEqual([]);
    }
    expect(JSON.stringify(lines)).not.toContain('NEVER-IN-A-LOG');

    // What the caller hears: the same as with the variable unset, or the fallback where it decides.
    if (broken.kind === 'text') return;
    const unset = await calls(envWith(variable, broken, { unset: true }));
    // The fallback, as every Pivot endpoint answers it when the hours cannot be known (TIMEZONE missing).
    const fallback = await calls(envWith('TIMEZONE', { ...broken, value: '' }, { unset: true }));
    const decides = broken.decides ?? [false, false, false, false, false];
    expect(bodies).toEqual(decides.map((falls, n) => (falls ? fallback.bodies[n] : unset.bodies[n])));
    // Each call it decided says why on its own line.
    expect(lines.filter((line) => line['event'] === 'fallback').map((line) => line['decision'])).toEqual(
      decides.filter(Boolean).map(() => expect.stringContaining(variable)),
    );
  });
});
