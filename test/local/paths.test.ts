import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCollectedApp } from '../../functions/collected/app.js';
import { createFrontDeskApp } from '../../functions/front-desk/app.js';
import { createGatheredApp } from '../../functions/gathered/app.js';
import { createAllInOneApp } from '../../functions/local/app.js';
import { createRecordingsApp } from '../../functions/recordings/app.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { BASE, DEVICE_ID, KAZOO_FIRST_GET } from '../support/pivot.js';

const env = { TIMEZONE: 'America/New_York', FORCE_STATE: 'open', FRONT_DESK_DEVICE_ID: DEVICE_ID, PUBLIC_BASE_URL: BASE, ADMIN_TOKEN: 'admin-token' };
const platform = () => nodePlatform({ ...env });
const variants = (endpoint: string) => [`/${endpoint}`, `/${endpoint}/`, `/${endpoint}//`, `//${endpoint}`, `/${endpoint.toUpperCase()}/`];

describe('every way a path is written reaches the endpoint', () => {
  const allInOne = createAllInOneApp(platform(), { store: fsRecordingStore });

  it.each(['front-desk', 'collected', 'gathered'])('all-in-one /%s, with and without slashes, answers the Pivot flow', async (endpoint) => {
    const expected = await (await allInOne.request(`${BASE}/${endpoint}?${KAZOO_FIRST_GET}`)).text();
    expect(expected).toMatch(/^[{<]/);
    for (const path of variants(endpoint)) {
      const response = await allInOne.request(`${BASE}${path}?${KAZOO_FIRST_GET}`);
      expect([path, response.status]).toEqual([path, 200]);
      expect(await response.text()).toBe(expected);
    }
  });

  it('all-in-one /recordings/ and /recordings/inbox/ reach the list and the page', async () => {
    const auth = { authorization: 'Bearer admin-token' };
    for (const path of ['/recordings/', '/recordings//', '/Recordings']) {
      expect([path, (await allInOne.request(`${BASE}${path}`, { headers: auth })).status]).toEqual([path, 200]);
    }
    expect((await allInOne.request(`${BASE}/recordings/inbox/`)).status).toBe(200);
  });

  it.each([
    ['front-desk', () => createFrontDeskApp(platform())],
    ['collected', () => createCollectedApp(platform())],
    ['gathered', () => createGatheredApp(platform())],
  ] as const)('standalone %s answers at its root and under its name, with and without slashes', async (endpoint, create) => {
    const app = serveStandalone(endpoint, create());
    for (const path of ['/', '//', ...variants(endpoint)]) {
      const response = await app.request(`${BASE}${path}?${KAZOO_FIRST_GET}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, expect.stringMatching(/^application\/(json|xml)/)]);
    }
  });

  it('standalone recordings keeps upload names exactly as sent, whatever the routing path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-paths-'));
    try {
      const app = serveStandalone('recordings', createRecordingsApp(nodePlatform({ ...env, RECORDINGS_DIR: dir }), { store: fsRecordingStore }));
      const upload = await app.request(`${BASE}/Recordings//Call-ABC@Host.mp3`, { method: 'PUT', body: new Uint8Array([0xff, 0xfb, 0x90, 0x44]), headers: { 'content-type': 'audio/mpeg' } });
      expect(upload.status).toBe(201);
      expect(await upload.json()).toMatchObject({ callId: 'Call-ABC@Host', bytes: 4 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
