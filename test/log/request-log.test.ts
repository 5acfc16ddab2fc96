// One JSON line per request, read from the console of a real local server: the exact fields of an
// answer, a fallback, a 401 and an upload; capped values; LOG_LEVEL; the X-Simulate-At echo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logEvent, logText, maskedNumber, setLogLevel } from '../../shared/http/log.js';
import { MESSAGE } from '../call/scenarios.js';
import { logLines } from '../support/log-capture.js';
import { KAZOO_FIRST_GET, TWIML_FIRST_GET } from '../support/pivot.js';
import { nodeServer, type TestServer } from '../support/servers.js';

const PIVOT_TOKEN = 'log-test-pivot-5d1c';
const ADMIN_TOKEN = 'log-test-admin-83fe';
const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const USER = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const env = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
  FRONT_DESK_DEVICE_ID: DEVICE,
  MENU: `1=device:${DEVICE}; 2=user:${USER}`,
  PUBLIC_BASE_URL: 'https://desk.pivot-edge.test',
  PIVOT_TOKEN,
  ADMIN_TOKEN,
};
const basic = (token: string) => `Basic ${Buffer.from(`pivot:${token}`).toString('base64')}`;
const TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

let server: TestServer;
let broken: TestServer;
let quiet: TestServer;
beforeAll(async () => {
  [server, broken, quiet] = await Promise.all([
    nodeServer(env),
    nodeServer({ TIMEZONE: 'America/New_York', BUSINESS_HOURS: 'Mon-Fri 9-5', FRONT_DESK_DEVICE_ID: DEVICE, PUBLIC_BASE_URL: 'https://desk.pivot-edge.test' }),
    nodeServer({ ...env, LOG_LEVEL: 'warn' }),
  ]);
});
afterAll(() => Promise.all([server.close(), broken.close(), quiet.close()]));

/** The request's one log line, found by the X-Request-Id the answer carries. */
async function lineOf(response: Response): Promise<Record<string, unknown>> {
  await response.arrayBuffer();
  const id = response.headers.get('x-request-id');
  const lines = logLines().filter((line) => line.requestId === id);
  expect(lines, `log lines of request ${id}`).toHaveLength(1);
  return lines[0]!;
}

const christmas = { 'x-simulate-at': '2026-12-25T10:00', 'x-admin-token': ADMIN_TOKEN, authorization: basic(PIVOT_TOKEN) };

describe('the request log line', () => {
  it('an answer: who, how long, what was decided and why', async () => {
    const response = await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: christmas });
    expect(await lineOf(response)).toEqual({
      time: TIME,
      level: 'info',
      event: 'answer',
      requestId: response.headers.get('x-request-id'),
      endpoint: 'front-desk',
      method: 'GET',
      status: 200,
      ms: expect.any(Number),
      callId: 'abc123@192.168.1.2',
      dialect: 'kazoo',
      answeredIn: 'callflow',
      decision: 'voicemail: closed (Christmas)',
      state: 'closed',
      reason: 'Christmas',
      callerNumber: '…0100',
      simulatedAt: '2026-12-25T15:00:00.000Z',
    });
  });

  it('a menu choice: the key and its target', async () => {
    const response = await fetch(`${server.origin}/collected?attempt=0&Digits[menu]=2&${KAZOO_FIRST_GET}`, { headers: { ...christmas, 'x-simulate-at': '2026-11-23T10:00' } });
    expect(await lineOf(response)).toMatchObject({ event: 'answer', endpoint: 'collected', decision: 'ring user: key 2', state: 'open', menu: '2' });
  });

  it('a fallback: at warn level, with why (never the token)', async () => {
    const response = await fetch(`${broken.origin}/front-desk?${TWIML_FIRST_GET}`);
    expect(await lineOf(response)).toEqual({
      time: TIME,
      level: 'warn',
      event: 'fallback',
      requestId: response.headers.get('x-request-id'),
      endpoint: 'front-desk',
      method: 'GET',
      status: 200,
      ms: expect.any(Number),
      callId: 'abc123@192.168.1.2',
      dialect: 'twiml',
      answeredIn: 'callflow',
      decision: expect.stringMatching(/^fallback: BUSINESS_HOURS: at position 0, found "Mon"/),
      callerNumber: '…0100',
      // The first request of this process names the broken setting once; the next line does not.
      configProblems: expect.stringMatching(/^BUSINESS_HOURS: at position 0, found "Mon"/),
    });
    expect(await lineOf(await fetch(`${broken.origin}/front-desk?${TWIML_FIRST_GET}`))).not.toHaveProperty('configProblems');
  });

  it('a 401 says why and where it looked, never the value', async () => {
    const missing = await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`);
    expect(missing.status).toBe(401);
    expect(await lineOf(missing)).toEqual({
      time: TIME,
      level: 'warn',
      event: 'unauthorized',
      requestId: missing.headers.get('x-request-id'),
      endpoint: 'front-desk',
      method: 'GET',
      status: 401,
      ms: expect.any(Number),
      callId: 'abc123@192.168.1.2',
      why: 'no token, looked in ?token=, Basic password, X-Pivot-Token',
      error: 'unauthorized',
    });
    const wrong = await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}&token=nope-nope`, { headers: { authorization: basic('also-wrong') } });
    expect(await lineOf(wrong)).toMatchObject({ event: 'unauthorized', why: 'wrong token in ?token=, Basic password' });
    const admin = await fetch(`${server.origin}/recordings`, { headers: { authorization: 'Bearer not-the-admin' } });
    expect(await lineOf(admin)).toMatchObject({ event: 'unauthorized', endpoint: 'recordings', why: 'wrong admin token in Authorization: Bearer' });
  });

  it('an upload: size, id and outcome, stored or refused', async () => {
    const stored = await fetch(`${server.origin}/recordings/call-9.mp3`, { method: 'PUT', headers: { authorization: basic(PIVOT_TOKEN), 'content-type': 'audio/mpeg' }, body: MESSAGE.bytes });
    expect(stored.status).toBe(201);
    const { id } = (await stored.clone().json()) as { id: string };
    expect(await lineOf(stored)).toEqual({
      time: TIME,
      level: 'info',
      event: 'upload',
      requestId: stored.headers.get('x-request-id'),
      endpoint: 'recordings',
      method: 'PUT',
      status: 201,
      ms: expect.any(Number),
      callId: 'call-9',
      id,
      bytes: MESSAGE.bytes.byteLength,
      outcome: 'stored',
    });
    const refused = await fetch(`${server.origin}/recordings/call-9.mp3`, { method: 'PUT', headers: { authorization: basic(PIVOT_TOKEN), 'content-type': 'text/plain' }, body: 'not audio' });
    expect(refused.status).toBe(415);
    expect(await lineOf(refused)).toMatchObject({ level: 'warn', event: 'upload', status: 415, bytes: 9, outcome: 'unsupported_media_type', error: 'unsupported_media_type' });
  });

  it('a 60 KB Call-ID with control characters becomes a short, clean line', async () => {
    // In a JSON body: Node refuses a URL this long before any app sees it.
    const callId = `${'\u0007x\u001b'.repeat(20)}${'é'.repeat(60)}${'y'.repeat(60_000)}`;
    const response = await fetch(`${server.origin}/front-desk`, {
      method: 'POST',
      headers: { ...christmas, 'content-type': 'application/json' },
      body: JSON.stringify({ 'Call-ID': callId, 'Caller-ID-Number': '+1415\n5550199' }),
    });
    const line = await lineOf(response);
    expect(line.callId).toBe(`${'x'.repeat(20)}${'é'.repeat(60)}…`);
    expect(line.callerNumber).toBe('…0199');
    expect(JSON.stringify(line).length).toBeLessThan(1000);
  });

  it('LOG_LEVEL=warn keeps only what went wrong', async () => {
    const before = logLines().length;
    await (await fetch(`${quiet.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: christmas })).arrayBuffer();
    expect(logLines().length).toBe(before);
    const refused = await fetch(`${quiet.origin}/front-desk?${KAZOO_FIRST_GET}`);
    expect(await lineOf(refused)).toMatchObject({ level: 'warn', event: 'unauthorized' });
  });

  it('other events keep the same shape (time, level, event first) and the same LOG_LEVEL', () => {
    setLogLevel('warn');
    logEvent('info', 'notify_sent', { id: 'x0', attempts: 1 });
    expect(logLines().filter((line) => line.id === 'x0')).toEqual([]);
    setLogLevel('info');
    logEvent('info', 'notify_sent', { id: 'x1', attempts: 1 });
    const line = logLines().at(-1)!;
    expect(Object.keys(line).slice(0, 3)).toEqual(['time', 'level', 'event']);
    expect(line).toEqual({ time: TIME, level: 'info', event: 'notify_sent', id: 'x1', attempts: 1 });
  });
});

describe('X-Simulate-At', () => {
  const at = (value: string, token = ADMIN_TOKEN) => fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: { authorization: basic(PIVOT_TOKEN), 'x-simulate-at': value, 'x-admin-token': token } });

  it.each([
    ['2026-12-25T10:00', '2026-12-25T15:00:00.000Z'],
    ['2026-07-04 12:00', '2026-07-04T16:00:00.000Z'],
    ['2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    ['2026-12-25T15:00:00Z', '2026-12-25T15:00:00.000Z'],
    ['2026-12-25T10:00:00-05:00', '2026-12-25T15:00:00.000Z'],
  ])('%s is answered as %s (a time without a zone is read in TIMEZONE), and says so', async (value, instant) => {
    const response = await at(value);
    expect(response.headers.get('x-simulated-at')).toBe(instant);
    expect(await lineOf(response)).toMatchObject({ level: 'info', simulatedAt: instant });
  });

  it.each([
    ['a wrong admin token', '2026-12-25T10:00', 'wrong-admin', 'wrong X-Admin-Token'],
    ['an unreadable value', 'Dec 25', ADMIN_TOKEN, 'unreadable X-Simulate-At, expected 2026-12-25T10:00 (in TIMEZONE) or 2026-12-25T15:00:00Z'],
    ['an impossible date', '2026-02-30T10:00', ADMIN_TOKEN, 'unreadable X-Simulate-At, expected 2026-12-25T10:00 (in TIMEZONE) or 2026-12-25T15:00:00Z'],
  ])('%s is never ignored silently: answered for now, with the reason in a header and at warn in the log', async (_what, value, token, why) => {
    const response = await at(value, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-simulated-at')).toBeNull();
    expect(response.headers.get('x-simulate-refused')).toBe(why);
    expect(await lineOf(response)).toMatchObject({ level: 'warn', event: 'answer', simulateRefused: why });
  });

  it('without ADMIN_TOKEN on the server it is refused, and says why', async () => {
    const response = await fetch(`${broken.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: { 'x-simulate-at': '2026-12-25T10:00', 'x-admin-token': 'anything' } });
    expect(response.headers.get('x-simulate-refused')).toBe('ADMIN_TOKEN is not set on the server');
  });
});

describe('values from the request', () => {
  it('are cut by characters, never inside a surrogate pair, and lose control characters', () => {
    expect(logText('abc', 5)).toBe('abc');
    expect(logText('a\u0000b\u001fc\u007fd\u0085e', 10)).toBe('abcde');
    expect(logText('😀😀😀', 2)).toBe('😀😀…');
    expect(logText('a\ud800b', 5)).toBe('ab');
    expect(logText('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });

  it("keep the caller's number's last four characters only", () => {
    expect(maskedNumber('+14155550100')).toBe('…0100');
    expect(maskedNumber('5000')).toBe('5000');
    expect(maskedNumber('user_suyt9r93ng')).toBe('…93ng');
  });
});

describe('what the answer tells the owner', () => {
  it("X-Fallback: why the answer fell back, to the admin token only, as a valid header even for text that is not ASCII", async () => {
    const odd = await nodeServer({ TIMEZONE: 'America/New_York', BUSINESS_HOURS: '24/7', MENU: '1=łódź', FRONT_DESK_DEVICE_ID: DEVICE, ADMIN_TOKEN });
    try {
      const owner = await fetch(`${odd.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: { 'x-admin-token': ADMIN_TOKEN } });
      expect(owner.status).toBe(200);
      expect(owner.headers.get('x-fallback')).toMatch(/^MENU: entry "1=\?\?d\?" at position 0/);
      expect((await lineOf(owner)).decision).toMatch(/^fallback: MENU: entry "1=łódź" at position 0/);
      const stranger = await fetch(`${odd.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: { 'x-admin-token': 'guess' } });
      expect(stranger.headers.get('x-fallback')).toBeNull();
    } finally {
      await odd.close();
    }
  });

  it('X-Request-Id: the platform id when there is one, cut plainly', async () => {
    const response = await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: { ...christmas, 'x-amzn-trace-id': `Root=1-${'a'.repeat(80)}` } });
    expect(response.headers.get('x-request-id')).toBe(`Root=1-${'a'.repeat(57)}`);
    expect((await lineOf(response)).requestId).toBe(`Root=1-${'a'.repeat(57)}`);
  });
});
