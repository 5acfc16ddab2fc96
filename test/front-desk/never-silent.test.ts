import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask, BASE, BOX_ID, DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer, recordCall, recordingUrlFor, speak, TWIML_FIRST_GET } from '../support/pivot.js';

const APOLOGY = 'Sorry, we cannot connect your call right now. Please leave a message.';
const fallbackRecording = recordCall(recordingUrlFor('reason=fallback'));

let warnings: string[];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
});
afterEach(() => vi.restoreAllMocks());

const frontDesk = async (env: Record<string, string>, init: RequestInit = {}, query = KAZOO_FIRST_GET) =>
  pivotAnswer(await ask({ PUBLIC_BASE_URL: BASE, ...env }, `/front-desk?${query}`, init));

describe('broken config still answers a valid flow, and logs why once', () => {
  it('bad BUSINESS_HOURS with a voicemail box: apology, then the box', async () => {
    const { json } = await frontDesk({ TIMEZONE: 'America/New_York', BUSINESS_HOURS: 'Mon-Fri 9-5', VOICEMAIL_BOX_ID: BOX_ID, FRONT_DESK_DEVICE_ID: DEVICE_ID });
    expect(json).toEqual(speak(APOLOGY, node('voicemail', { id: BOX_ID, action: 'compose' })));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 'warn', event: 'fallback', endpoint: 'front-desk', callId: 'abc123@192.168.1.2' });
    expect(warnings[0]).toContain('BUSINESS_HOURS');
  });

  it('missing TIMEZONE without a box: rings the front desk, records when unanswered (reason fallback)', async () => {
    const { json } = await frontDesk({ FRONT_DESK_DEVICE_ID: DEVICE_ID });
    expect(json).toEqual(node('device', { id: DEVICE_ID, timeout: 20 }, speak('Sorry, nobody is available to take your call. Please leave a message.', fallbackRecording)));
    expect(warnings[0]).toContain('TIMEZONE: required');
  });

  it('nothing configured at all: an apology and a recording', async () => {
    expect((await frontDesk({})).json).toEqual(speak(APOLOGY, fallbackRecording));
  });

  it('nothing configured, TwiML: the same apology and recording, in Callflow JSON', async () => {
    const { json } = await frontDesk({ RESPONSE_FORMAT: 'twiml' }, {}, TWIML_FIRST_GET);
    expect(json).toEqual(speak(APOLOGY, fallbackRecording));
  });

  it('a bad MENU during hours: the fallback (not a silent ring-through), and the log says why', async () => {
    const { json } = await frontDesk({ TIMEZONE: 'UTC', BUSINESS_HOURS: '24/7', MENU: '1=sales', VOICEMAIL_BOX_ID: BOX_ID, FRONT_DESK_DEVICE_ID: DEVICE_ID });
    expect(json).toEqual(speak(APOLOGY, node('voicemail', { id: BOX_ID, action: 'compose' })));
    expect(warnings[0]).toContain('MENU: entry \\"1=sales\\" at position 0');
  });

  it('a recordings URL on localhost (Kazoo would reject the whole flow): the greeting, then an apology, not a hang-up', async () => {
    const { json } = await frontDesk({ TIMEZONE: 'UTC', BUSINESS_HOURS: 'off', PUBLIC_BASE_URL: 'http://127.0.0.1:8787' });
    const closed = 'Thank you for calling. We are closed right now. Please leave a message.';
    expect(json).toEqual(speak(closed, speak('Sorry, we cannot take a message right now. Please call again later. Goodbye.', node('hangup', {}))));
  });

  it('an invalid FORCE_STATE does not guess: fallback', async () => {
    const { json } = await frontDesk({ TIMEZONE: 'UTC', FORCE_STATE: 'maybe', VOICEMAIL_BOX_ID: BOX_ID });
    expect(json).toEqual(speak(APOLOGY, node('voicemail', { id: BOX_ID, action: 'compose' })));
    expect(warnings[0]).toContain('FORCE_STATE: expected one of auto, open, closed, found \\"maybe\\"');
  });

  it('garbage input (invalid JSON body, broken escapes) still gets the configured flow', async () => {
    const env = { TIMEZONE: 'UTC', BUSINESS_HOURS: '24/7', FRONT_DESK_DEVICE_ID: DEVICE_ID, GREETING_OPEN: 'none' };
    const garbage = await frontDesk(env, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Call-ID": ' }, 'a=%zz&&[=&Digits[x][y]=1');
    expect(garbage.json).toMatchObject({ module: 'device', data: { id: DEVICE_ID } });
  });
});

describe('PIVOT_TOKEN', () => {
  const env = { TIMEZONE: 'UTC', BUSINESS_HOURS: 'off', PIVOT_TOKEN: 's3cret-t0ken' };

  it('refuses a request without it (401, so Kazoo takes the callflow _ child)', async () => {
    const response = await ask(env, `/front-desk?${KAZOO_FIRST_GET}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="pivot-edge"');
    expect((await ask(env, `/front-desk?token=wrong&${KAZOO_FIRST_GET}`)).status).toBe(401);
  });

  it('accepts ?token=, a Basic password (URL userinfo) and X-Pivot-Token, and hands out URLs carrying it', async () => {
    const basic = `Basic ${btoa('pivot:s3cret-t0ken')}`;
    for (const [path, headers] of [
      [`/front-desk?token=s3cret-t0ken&${KAZOO_FIRST_GET}`, {}],
      [`/front-desk?${KAZOO_FIRST_GET}`, { authorization: basic }],
      [`/front-desk?${KAZOO_FIRST_GET}`, { 'x-pivot-token': 's3cret-t0ken' }],
    ] as const) {
      const { json } = await pivotAnswer(await ask({ ...env, PUBLIC_BASE_URL: BASE }, path, { headers }));
      expect(JSON.stringify(json)).toContain('"url":"https://pivot:s3cret-t0ken@pivot.example.com/recordings?reason=closed&');
    }
  });
});

describe('X-Simulate-At', () => {
  const env = { TIMEZONE: 'UTC', BUSINESS_HOURS: 'Mo-Fr 09:00-17:00', FRONT_DESK_DEVICE_ID: DEVICE_ID, ADMIN_TOKEN: 'admin-tok', GREETING_OPEN: 'none' };
  const at = (headers: Record<string, string>) => ask(env, `/front-desk?${KAZOO_FIRST_GET}`, { headers }).then(pivotAnswer);

  it('is honoured with the admin token and ignored without it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T12:00:00Z')); // a Saturday: closed
    try {
      expect((await at({ 'x-simulate-at': '2026-11-23T10:00:00Z', 'x-admin-token': 'admin-tok' })).json).toMatchObject({ module: 'device' });
      expect((await at({ 'x-simulate-at': '2026-11-23T10:00:00Z', 'x-admin-token': 'nope' })).json).toMatchObject({ module: 'tts' });
      expect((await at({ 'x-simulate-at': '2026-11-23T10:00:00Z' })).json).toMatchObject({ module: 'tts' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('URLs handed to Kazoo', () => {
  it('are derived from the request origin and proxy headers when PUBLIC_BASE_URL is unset', async () => {
    const response = await ask({ BUSINESS_HOURS: 'off', TIMEZONE: 'UTC' }, `/front-desk?${KAZOO_FIRST_GET}`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'desk.example.org' },
    });
    expect(JSON.stringify((await pivotAnswer(response)).json)).toContain('"url":"https://desk.example.org/recordings?reason=closed&');
  });
});
