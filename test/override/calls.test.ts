// The override in real calls through the all-in-one app (as `npm start` builds it, settings on a
// temp directory): front-desk, collected and gathered answer by it, it ends on its own (also under
// X-Simulate-At), and a failing, hung or missing store still gets a normal answer and one log line.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsSource } from '../../shared/override/types.js';
import { DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer, recordCall, recordingUrlFor, speak, TWIML_FIRST_GET } from '../support/pivot.js';
import { ADMIN, HOST, overrideHarness } from './support.js';

/** The closed greeting says when we reopen: the switch's end when the hours are open then. */
const closed = (reopen: string) => `Thank you for calling. We are closed right now. We reopen ${reopen}. Please leave a message.`;
const OPEN_GREETING = 'Thank you for calling. Please hold while we connect you.';
const UNANSWERED = 'Sorry, nobody is available to take your call. Please leave a message.';
const record = (why: string) => recordCall(recordingUrlFor(why, `${HOST}/recordings`));
/** Closed by the owner's switch: the voicemail's reason detail is the switch. */
const closedBySwitch = (label: string, reopen: string) => speak(closed(reopen), record(`reason=closed&${new URLSearchParams({ detail: label }).toString()}`));
const ringFlow = speak(OPEN_GREETING, node('device', { id: DEVICE_ID, timeout: 20 }, speak(UNANSWERED, record('reason=unanswered'))));
const closedFlow = closedBySwitch('closed until 14:00', 'today at 2 PM');

type Harness = Awaited<ReturnType<typeof overrideHarness>>;
let harness: Harness;
let logged: { level: string; line: Record<string, unknown> }[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T15:02:00Z')); // Monday 10:02 in New York: open
  logged = [];
  for (const level of ['warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((text: string) => void logged.push({ level, line: JSON.parse(text) as Record<string, unknown> }));
  }
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await harness?.cleanup();
});

const frontDesk = async (headers: Record<string, string> = {}) => (await pivotAnswer(await harness.request(`/front-desk?${KAZOO_FIRST_GET}`, { headers }))).json;
const simulated = (at: string) => ({ 'x-simulate-at': at, 'x-admin-token': ADMIN });
const events = () => logged.map(({ line }) => line.event);

describe('front-desk with the override', () => {
  it('"closed until 14:00" set through the API closes the open hours, and ends on its own at 14:00', async () => {
    harness = await overrideHarness();
    expect(await frontDesk()).toEqual(ringFlow);
    // The cache read "none" just now: the switch reaches calls at the next window (5 s).
    expect((await harness.put({ state: 'closed', until: '2026-11-23T14:00' })).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-23T15:02:05Z'));
    expect(await frontDesk()).toEqual(closedFlow);
    vi.setSystemTime(new Date('2026-11-23T18:59:59Z'));
    expect(await frontDesk()).toEqual(closedFlow);
    vi.setSystemTime(new Date('2026-11-23T19:00:00Z'));
    expect(await frontDesk()).toEqual(ringFlow);
    expect(logged).toEqual([]);
  });

  it('is evaluated at X-Simulate-At: closed at 13:59, open at 14:00, within one cache window', async () => {
    harness = await overrideHarness();
    await harness.put({ state: 'closed', until: '2026-11-23T14:00' });
    expect(await frontDesk(simulated('2026-11-23T18:59:00Z'))).toEqual(closedFlow);
    expect(await frontDesk(simulated('2026-11-23T19:00:00Z'))).toEqual(ringFlow);
    // Before it was set, it did not exist.
    expect(await frontDesk(simulated('2026-11-23T14:30:00Z'))).toEqual(ringFlow);
  });

  it('"open until" rings the front desk outside the hours; cleared with DELETE, the hours decide again', async () => {
    harness = await overrideHarness();
    vi.setSystemTime(new Date('2026-11-23T23:00:00Z')); // 18:00, closed
    await harness.put({ state: 'open', until: '2026-11-23T20:00' });
    expect(await frontDesk()).toEqual(ringFlow);
    await harness.request('/recordings/override', { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } });
    vi.setSystemTime(new Date('2026-11-23T23:00:05Z'));
    expect(await frontDesk()).toEqual(speak(closed('tomorrow at 9 AM'), record('reason=closed')));
  });

  it('notes the override in the decision (seen here in the fallback\'s log line)', async () => {
    harness = await overrideHarness({ FRONT_DESK_DEVICE_ID: '' });
    vi.setSystemTime(new Date('2026-11-23T23:00:00Z'));
    await harness.put({ state: 'open', until: '2026-11-23T20:00' });
    await frontDesk();
    expect(logged.map(({ line }) => [line.event, line.override])).toEqual([['fallback', 'open until 20:00']]);
  });
});

describe('collected and gathered ask the override too', () => {
  it('a menu choice made while "closed until" is on gets the closed flow, in both dialects', async () => {
    harness = await overrideHarness({ MENU: `1=device:${DEVICE_ID}` });
    await harness.put({ state: 'closed', until: 'next-change' });
    const switchedOff = closedBySwitch('closed until Tue 24 Nov, 09:00 (next opening)', 'tomorrow at 9 AM');
    const collected = await pivotAnswer(await harness.request(`/collected?attempt=0&Digits[menu]=1&${KAZOO_FIRST_GET}`));
    expect(collected.json).toEqual(switchedOff);
    const gathered = await pivotAnswer(await harness.request(`/gathered?attempt=0&${TWIML_FIRST_GET}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Digits=1&${TWIML_FIRST_GET}`,
    }));
    // TwiML has no recording that uploads on every Kazoo: our voicemail is Callflow JSON in both dialects.
    expect(gathered.json).toEqual(switchedOff);
  });
});

/** A settings store whose reads fail (or never finish); writes work, so the API is not the subject. */
function brokenStore(read: () => Promise<string | null>): SettingsSource {
  return () => ({ getText: read, putBytes: async () => undefined, delete: async () => undefined });
}

describe('a store that fails never breaks or holds up a call', () => {
  it('failing reads: normal answers, and one log line per read (at most one per window)', async () => {
    let reads = 0;
    harness = await overrideHarness({}, brokenStore(async () => {
      reads++;
      throw new Error('S3 GET /settings/override.json: 503 SlowDown');
    }));
    expect(await frontDesk()).toEqual(ringFlow);
    expect(await frontDesk()).toEqual(ringFlow);
    expect(reads).toBe(1);
    expect(logged).toEqual([
      { level: 'warn', line: { time: expect.any(String), level: 'warn', event: 'override_read_failed', key: 'settings/override.json', message: 'S3 GET /settings/override.json: 503 SlowDown' } },
    ]);
  });

  it('a read that never finishes: the call is answered after the bounded wait, logged once', async () => {
    harness = await overrideHarness({}, brokenStore(() => new Promise(() => undefined)));
    expect(await frontDesk()).toEqual(ringFlow);
    expect(await frontDesk()).toEqual(ringFlow);
    expect(events()).toEqual(['override_read_slow']);
  });

  it('the fallback\'s log line says the override was unknown', async () => {
    harness = await overrideHarness({ FRONT_DESK_DEVICE_ID: '' }, brokenStore(() => Promise.reject(new Error('ECONNRESET'))));
    await frontDesk();
    expect(logged.map(({ line }) => [line.event, line.override])).toEqual([['override_read_failed', undefined], ['fallback', 'unknown (settings store unreadable)']]);
  });

  it('no store on this platform: the switch is off, said once, and calls go on', async () => {
    harness = await overrideHarness({}, () => undefined);
    expect(await frontDesk()).toEqual(ringFlow);
    expect(await frontDesk()).toEqual(ringFlow);
    expect(logged.map(({ line }) => line.event)).toEqual(['override_off']);
    expect(String(logged[0]?.line.why)).toContain('the R2 binding RECORDINGS');
  });
});
