import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../functions/local/server.js';
import { DEVICE_ID, KAZOO_FIRST_GET, pivotAnswer, recordCall, recordingUrlFor, speak, TWIML_FIRST_GET } from '../support/pivot.js';

const PUBLIC = 'https://desk.example.com';
const env = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00',
  FRONT_DESK_DEVICE_ID: DEVICE_ID,
  PUBLIC_BASE_URL: PUBLIC,
  RESPONSE_FORMAT: 'auto',
  ADMIN_TOKEN: 'local-admin',
};
const MONDAY_10_EST = '2026-11-23T15:00:00Z';
const SATURDAY = '2026-11-21T15:00:00Z';

let server: LocalServer;
let dir: string;
beforeAll(async () => {
  // Its own store: the working tree's ./data/recordings (and an override set there) stays out of it.
  dir = await mkdtemp(join(tmpdir(), 'pivot-edge-local-'));
  server = await startLocalServer({ ...env, RECORDINGS_DIR: dir }, { port: 0, hostname: '127.0.0.1', quiet: true });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (query: string, at: string) =>
  fetch(`${server.origin}/front-desk?${query}`, { headers: { 'x-simulate-at': at, 'x-admin-token': 'local-admin' } });

describe('the local server over real HTTP', () => {
  it('answers a Kazoo-format GET with schema-valid Callflow JSON matching the hours', async () => {
    const open = await pivotAnswer(await get(KAZOO_FIRST_GET, MONDAY_10_EST));
    expect(open.json).toMatchObject({ module: 'tts', children: { _: { module: 'device', data: { id: DEVICE_ID, timeout: 20 } } } });
    const closed = await pivotAnswer(await get(KAZOO_FIRST_GET, SATURDAY));
    expect(closed.json).toEqual(
      speak('Thank you for calling. We are closed right now. We reopen Monday at 9 AM. Please leave a message.', recordCall(recordingUrlFor('reason=closed', `${PUBLIC}/recordings`))),
    );
  });

  it('answers a TwiML-format GET after hours with the same record_call flow (Callflow JSON uploads on every Kazoo)', async () => {
    const closed = await pivotAnswer(await get(TWIML_FIRST_GET, SATURDAY));
    expect(closed.json).toEqual(
      speak('Thank you for calling. We are closed right now. We reopen Monday at 9 AM. Please leave a message.', recordCall(recordingUrlFor('reason=closed', `${PUBLIC}/recordings`))),
    );
  });

  it('says what it is at / and 404s unknown paths', async () => {
    expect(await (await fetch(`${server.origin}/`)).text()).toContain('/front-desk');
    expect((await fetch(`${server.origin}/nope`)).status).toBe(404);
  });
});
