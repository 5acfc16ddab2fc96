// `npm start` with the override, over real HTTP: the start-up line shows a stored switch, the
// admin API sets one, and front-desk answers by it (settings in RECORDINGS_DIR, next to the recordings).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startupReport } from '../../functions/local/startup-report.js';
import { startLocalServer, type LocalServer } from '../../functions/local/server.js';
import { parseConfig } from '../../shared/config/index.js';
import { localOverrideLine } from '../../shared/override/local-report.js';
import { DEVICE_ID, KAZOO_FIRST_GET, pivotAnswer } from '../support/pivot.js';

const ADMIN = 'local-admin-override';
const env = { TIMEZONE: 'America/New_York', BUSINESS_HOURS: '24/7', FRONT_DESK_DEVICE_ID: DEVICE_ID, PUBLIC_BASE_URL: 'https://desk.example.com', ADMIN_TOKEN: ADMIN };
const HOUR = 3_600_000;
let dir: string;
let server: LocalServer;
let printed: string;
const until = new Date(Math.ceil((Date.now() + 3 * HOUR) / 60_000) * 60_000);
const setAt = new Date(Date.now() - 60_000);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pivot-edge-local-override-'));
  await mkdir(join(dir, 'settings'));
  await writeFile(join(dir, 'settings', 'override.json'), JSON.stringify({ state: 'closed', until: until.toISOString(), setAt: setAt.toISOString() }));
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  server = await startLocalServer({ ...env, RECORDINGS_DIR: dir }, { port: 0, hostname: '127.0.0.1' });
  printed = String(log.mock.calls[0]?.[0]);
  log.mockRestore();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const local = (instant: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

describe('the local server with the override', () => {
  it('prints the stored switch in the start-up report', () => {
    expect(printed.split('\n').filter((line) => line.startsWith('override:'))).toEqual([
      `override: closed until ${local(until)} (set ${local(setAt)}); it wins over the hours until then`,
    ]);
  });

  it('takes a PUT over HTTP, and front-desk reads it at its first call', async () => {
    const put = await fetch(`${server.origin}/recordings/override`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'open', until: new Date(until.getTime() + HOUR).toISOString() }),
    });
    expect(put.status).toBe(200);
    // A fresh front-desk reader (first call of this server) reads the new switch.
    const answer = await pivotAnswer(await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`, { headers: { 'x-simulate-at': new Date(until.getTime() + 30 * 60_000).toISOString(), 'x-admin-token': ADMIN } }));
    expect(answer.json).toMatchObject({ module: 'tts', children: { _: { module: 'device' } } });
  });
});

describe('the start-up report and the scripts\' line', () => {
  const config = parseConfig({ TIMEZONE: 'America/New_York', BUSINESS_HOURS: 'Mo-Fr 09:00-17:00', FORCE_STATE: 'open', PUBLIC_BASE_URL: 'https://desk.example.com' });
  const now = new Date('2026-11-23T15:00:00Z');
  const override = { state: 'closed', until: '2026-11-23T19:00:00.000Z', setAt: '2026-11-23T14:12:00.000Z' } as const;

  it('says the switch wins over FORCE_STATE, or that it could not be read', () => {
    const lines = startupReport(config, 'http://127.0.0.1:8787', now, override).split('\n');
    expect(lines.slice(2, 4)).toEqual([
      'America/New_York, Mo-Fr 09:00-17:00: open now, closes 17:00 (in 7 h) (FORCE_STATE=open overrides this) (by the hours alone: the override below decides until it ends)',
      'override: closed until Mon 23 Nov, 14:00 (set Mon 23 Nov, 09:12); it wins over the hours and FORCE_STATE=open until then',
    ]);
    expect(startupReport(config, 'http://127.0.0.1:8787', now, { unreadable: 'EACCES: permission denied' })).toContain(
      "warning: the owner's override (closed until...) could not be read: EACCES: permission denied",
    );
    expect(startupReport(config, 'http://127.0.0.1:8787', new Date('2026-11-23T19:00:00Z'), override)).not.toMatch(/^override:/m);
  });

  it('check-config and npm run hours print the local store\'s switch, or that none is in force', async () => {
    expect(await localOverrideLine(dir, config, new Date(until.getTime() - HOUR))).toMatch(/^override: open until .* it wins over the hours and FORCE_STATE=open until then$/);
    const empty = await mkdtemp(join(tmpdir(), 'pivot-edge-empty-'));
    expect(await localOverrideLine(empty, config, now)).toBe(`override: none in force (in ${empty}; a deployed Worker or Lambda keeps its own, see GET /recordings/override)`);
    await rm(empty, { recursive: true, force: true });
  });
});
