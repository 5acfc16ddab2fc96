import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAllInOneApp } from '../../functions/local/app.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import type { SettingsSource } from '../../shared/override/types.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { fsSettingsStore } from '../../shared/platform/settings-fs.js';
import { DEVICE_ID } from '../support/pivot.js';

export const ADMIN = 'admin-override-1';
export const BEARER = { authorization: `Bearer ${ADMIN}` };
export const HOST = 'https://desk.example.com';

/** The all-in-one app as `npm start` builds it, on a temp RECORDINGS_DIR (settings next to the recordings). */
export async function overrideHarness(extraEnv: Record<string, string> = {}, settings: SettingsSource | 'fs' = 'fs') {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-override-'));
  const env = {
    TIMEZONE: 'America/New_York',
    BUSINESS_HOURS: 'Mo-Fr 09:00-17:00',
    FRONT_DESK_DEVICE_ID: DEVICE_ID,
    PUBLIC_BASE_URL: HOST,
    ADMIN_TOKEN: ADMIN,
    RECORDINGS_DIR: dir,
    ...extraEnv,
  };
  const app = createAllInOneApp(nodePlatform(env), { store: fsRecordingStore, settings: settings === 'fs' ? fsSettingsStore : settings });
  return {
    dir,
    env,
    request: (path: string, init: RequestInit = {}) => app.request(`${HOST}${path}`, init),
    put: (body: unknown) =>
      app.request(`${HOST}/recordings/override`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { ...BEARER, 'content-type': 'application/json' } }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
