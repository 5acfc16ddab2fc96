// The admin API on the recordings app (GET/PUT/DELETE /recordings/override, Bearer ADMIN_TOKEN)
// over the filesystem store: the stored bytes, the views it answers, and every refusal.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordingsApp } from '../../functions/recordings/app.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import type { AppEnv } from '../../shared/http/index.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { fsSettingsStore } from '../../shared/platform/settings-fs.js';
import { ADMIN, BEARER, HOST, overrideHarness } from './support.js';

type Harness = Awaited<ReturnType<typeof overrideHarness>>;
let harness: Harness;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T15:02:00Z')); // Monday 10:02 in New York
});
afterEach(async () => {
  vi.useRealTimers();
  await harness?.cleanup();
});

const stored = () => readFile(join(harness.dir, 'settings', 'override.json'), 'utf8');
const get = async () => (await harness.request('/recordings/override', { headers: BEARER })).json();
/** Every answer names the zone its local times are read in (the inbox page offers times on that clock). */
const answer = (override: unknown, timeZone: string | null = 'America/New_York') => ({ override, timeZone });

describe('PUT /recordings/override', () => {
  it('stores exactly the contract\'s JSON, atomically, and answers it with the local time', async () => {
    harness = await overrideHarness();
    const response = await harness.put({ state: 'closed', until: '2026-11-23T14:00' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const view = { state: 'closed', until: '2026-11-23T19:00:00.000Z', setAt: '2026-11-23T15:02:00.000Z', untilLocal: 'Mon 23 Nov, 14:00', endsAt: '2026-11-23T19:00:00.000Z' };
    expect(await response.json()).toEqual(answer(view));
    expect(await stored()).toBe('{"state":"closed","until":"2026-11-23T19:00:00.000Z","setAt":"2026-11-23T15:02:00.000Z"}');
    expect(await readdir(join(harness.dir, '.tmp'))).toEqual([]);
    expect(await get()).toEqual(answer(view));
  });

  it('next-change: the end comes from the hours where they are loaded (the all-in-one app)', async () => {
    harness = await overrideHarness();
    vi.setSystemTime(new Date('2026-11-27T19:00:00Z')); // Friday 14:00
    const { override } = (await (await harness.put({ state: 'closed', until: 'next-change' })).json()) as { override: Record<string, unknown> };
    expect(override).toEqual({ state: 'closed', until: 'next-change', setAt: '2026-11-27T19:00:00.000Z', untilLocal: 'Mon 30 Nov, 09:00 (next opening)', endsAt: '2026-11-30T14:00:00.000Z' });
    vi.setSystemTime(new Date('2026-11-30T14:00:00Z'));
    expect(await get()).toEqual(answer(null));
  });

  it('next-change on the recordings function alone (no hours parser): says which change, not when', async () => {
    harness = await overrideHarness();
    const platform = nodePlatform(harness.env);
    const app = new Hono<AppEnv>().route('/recordings', createRecordingsApp(platform, { store: fsRecordingStore, settings: fsSettingsStore }));
    const response = await app.request(`${HOST}/recordings/override`, { method: 'PUT', body: '{"state":"open","until":"next-change"}', headers: BEARER });
    expect(await response.json()).toEqual(answer({ state: 'open', until: 'next-change', setAt: '2026-11-23T15:02:00.000Z', untilLocal: 'the next closing', endsAt: null }));
  });

  it('ends by itself: GET answers null once the time has come, though the file stays until replaced', async () => {
    harness = await overrideHarness();
    await harness.put({ state: 'open', until: '2026-11-23T18:30-05:00' });
    vi.setSystemTime(new Date('2026-11-23T23:29:59Z'));
    expect(((await get()) as { override: unknown }).override).not.toBeNull();
    vi.setSystemTime(new Date('2026-11-23T23:30:00Z'));
    expect(await get()).toEqual(answer(null));
    expect(JSON.parse(await stored())).toMatchObject({ state: 'open' });
  });

  it('refuses bad input with a 400 that says what was expected, and keeps the switch as it was', async () => {
    harness = await overrideHarness();
    await harness.put({ state: 'closed', until: '2026-11-23T14:00' });
    const before = await stored();
    const cases: [unknown, number, string, string][] = [
      ['{"state":"closed",', 400, 'bad_override', 'The body is not JSON: expected {"state":"closed","until":"2026-12-01T14:00"}.'],
      [{ state: 'closed', until: '2026-11-23T09:00' }, 400, 'until_past', '"until" (Mon 23 Nov, 09:00 in America/New_York) is already past: choose a later time.'],
      [{ state: 'maybe', until: '2026-11-23T14:00' }, 400, 'bad_override', '"state" must be "open" or "closed", found "maybe"'],
      [{ state: 'closed', until: '2027-03-14T02:30' }, 400, 'time_does_not_exist', '2027-03-14T02:30 does not exist in America/New_York (the clocks skip it): choose another time.'],
      ['x'.repeat(5000), 413, 'bad_override', 'The body is over 4096 characters; expected a small JSON object.'],
    ];
    for (const [body, status, error, message] of cases) {
      const response = await harness.put(body);
      expect(response.status, message).toBe(status);
      expect(await response.json()).toEqual({ error, message });
    }
    expect(await stored()).toBe(before);
  });
});

describe('GET and DELETE /recordings/override', () => {
  it('DELETE clears the switch (204, the file gone) and is idempotent', async () => {
    harness = await overrideHarness();
    await harness.put({ state: 'closed', until: 'next-change' });
    for (let round = 0; round < 2; round++) {
      const response = await harness.request('/recordings/override', { method: 'DELETE', headers: BEARER });
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    }
    expect(existsSync(join(harness.dir, 'settings', 'override.json'))).toBe(false);
    expect(await get()).toEqual(answer(null));
  });

  it('without TIMEZONE: the zone is null, an instant with an offset is shown by its instant only', async () => {
    harness = await overrideHarness({ TIMEZONE: '', BUSINESS_HOURS: '' });
    const response = await harness.put({ state: 'closed', until: '2026-11-23T14:00-05:00' });
    expect(await response.json()).toEqual(answer({ state: 'closed', until: '2026-11-23T19:00:00.000Z', setAt: '2026-11-23T15:02:00.000Z', untilLocal: null, endsAt: '2026-11-23T19:00:00.000Z' }, null));
    expect(await get()).toEqual(answer({ state: 'closed', until: '2026-11-23T19:00:00.000Z', setAt: '2026-11-23T15:02:00.000Z', untilLocal: null, endsAt: '2026-11-23T19:00:00.000Z' }, null));
  });

  it('a file it did not write: GET answers 500 with why (PUT or DELETE replaces it)', async () => {
    harness = await overrideHarness();
    await mkdir(join(harness.dir, 'settings'), { recursive: true });
    await writeFile(join(harness.dir, 'settings', 'override.json'), '{"state":"closed"}');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await harness.request('/recordings/override', { headers: BEARER });
    expect(errors.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ event: 'request', status: 500, error: 'override_invalid' }),
    ]);
    errors.mockRestore();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: 'override_invalid',
      message: 'settings/override.json is ignored: expected {"state":"open"|"closed","until":<ISO instant>|"next-change","setAt":<ISO instant>}',
    });
    expect((await harness.put({ state: 'closed', until: '2026-11-23T14:00' })).status).toBe(200);
  });

  it('needs the admin bearer token; the Pivot token or none gets 401, and no ADMIN_TOKEN disables it', async () => {
    harness = await overrideHarness({ PIVOT_TOKEN: 'pivot-1' });
    const pivot = { authorization: `Basic ${btoa('pivot:pivot-1')}`, 'content-type': 'audio/mpeg' };
    for (const method of ['GET', 'PUT', 'DELETE']) {
      expect((await harness.request('/recordings/override', { method })).status, method).toBe(401);
      expect((await harness.request('/recordings/override', { method, headers: { authorization: 'Bearer nope' } })).status, method).toBe(401);
    }
    // Not an upload named "override" either.
    expect((await harness.request('/recordings/override', { method: 'PUT', body: 'abc', headers: pivot })).status).toBe(401);
    expect(existsSync(join(harness.dir, 'audio'))).toBe(false);
    await harness.cleanup();
    harness = await overrideHarness({ ADMIN_TOKEN: '' });
    expect((await harness.request('/recordings/override', { headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(403);
  });

  it('answers 503 where the platform has no store for settings', async () => {
    harness = await overrideHarness();
    const app = new Hono<AppEnv>().route('/recordings', createRecordingsApp(nodePlatform(harness.env), { store: fsRecordingStore, settings: () => undefined }));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await app.request(`${HOST}/recordings/override`, { headers: BEARER });
    const lines = errors.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
    errors.mockRestore();
    // One line: the request's own, saying why (shared/http/request-log.ts).
    expect(lines).toEqual([expect.objectContaining({ event: 'request', status: 503, error: 'storage_not_configured' })]);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'storage_not_configured' });
  });
});
