// Every Worker entry inside workerd, called as Cloudflare calls it (fetch(request, env, ctx)) with
// the R2 binding from the pool and settings the test passes: a real Pivot request each.
import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import collected from '../../functions/collected/worker.js';
import frontDesk from '../../functions/front-desk/worker.js';
import gathered from '../../functions/gathered/worker.js';
import recordings from '../../functions/recordings/worker.js';
import { ADMIN, PIVOT } from './tokens.js';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SIBLINGS = {
  FRONT_DESK_URL: 'https://pivot-edge-front-desk.acme.workers.dev',
  COLLECTED_URL: 'https://pivot-edge-collected.acme.workers.dev',
  GATHERED_URL: 'https://pivot-edge-gathered.acme.workers.dev',
  RECORDINGS_URL: 'https://pivot-edge-recordings.acme.workers.dev',
};
// The pool's bindings (R2 and the fixed test settings of vitest.workers.config.ts) plus what an owner fills in.
const vars = { ...env, ...SIBLINGS, TIMEZONE: 'America/New_York', FRONT_DESK_DEVICE_ID: DEVICE, MENU: `1=device:${DEVICE}; 9=voicemail`, ADMIN_TOKEN: ADMIN, PIVOT_TOKEN: PIVOT };
const pivotAuth = `Basic ${btoa(`pivot:${PIVOT}`)}`;
// Monday 2026-11-23 10:00 in New York: open.
const OPEN = { 'x-simulate-at': '2026-11-23T15:00:00Z', 'x-admin-token': ADMIN, authorization: pivotAuth };
const KAZOO_GET = 'Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=abc123%40192.168.1.2&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&To=5000';

type Entry = { fetch(request: Request, env: unknown, ctx: unknown): Response | Promise<Response> };
async function call(entry: Entry, url: string, init: RequestInit = {}, environment: object = vars): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await entry.fetch(new Request(url, init), environment, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe('Worker entries in workerd', () => {
  it('the pool gives the R2 binding and only the fixed test settings (never a developer\'s .env)', () => {
    expect(Object.keys(env).filter((name) => !name.startsWith('__VITEST_POOL_WORKERS')).sort()).toEqual(['RECORDINGS', 'RESPONSE_FORMAT', 'TIMEZONE']);
    expect(env).toMatchObject({ TIMEZONE: 'America/New_York', RESPONSE_FORMAT: 'callflow' });
    expect(typeof (env as { RECORDINGS?: { put?: unknown } }).RECORDINGS?.put).toBe('function');
  });

  it('front-desk answers a Kazoo GET with Callflow JSON, siblings at their workers.dev URLs', async () => {
    const response = await call(frontDesk, `${SIBLINGS.FRONT_DESK_URL}/?${KAZOO_GET}`, { headers: OPEN }, { ...vars, MENU: '' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const flow = (await response.json()) as { module: string; children: { _: { module: string; data: { id: string } } } };
    expect(flow.children._).toMatchObject({ module: 'device', data: { id: DEVICE } });
    expect(JSON.stringify(flow)).toContain(`https://pivot:${PIVOT}@pivot-edge-recordings.acme.workers.dev`);
  });

  it('front-desk with a menu hands Kazoo the collected worker', async () => {
    const flow = JSON.stringify(await (await call(frontDesk, `${SIBLINGS.FRONT_DESK_URL}/front-desk?${KAZOO_GET}`, { headers: OPEN })).json());
    expect(flow).toContain(`https://pivot:${PIVOT}@pivot-edge-collected.acme.workers.dev`);
  });

  it('collected routes Digits[menu]=1 to the device', async () => {
    const response = await call(collected, `${SIBLINGS.COLLECTED_URL}/?attempt=0&${KAZOO_GET}&Digits[menu]=1`, { headers: OPEN });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain(`"module":"device","data":{"id":"${DEVICE}"`);
  });

  it('gathered answers the voicemail key of a TwiML menu with record_call (Callflow JSON)', async () => {
    const body = new URLSearchParams({ CallSid: 'abc123', From: '+14155550100', To: '5000', Digits: '9' });
    const response = await call(gathered, `${SIBLINGS.GATHERED_URL}/gathered?attempt=0`, {
      method: 'POST',
      body,
      headers: { ...OPEN, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const url = `https://pivot:${PIVOT}@pivot-edge-recordings.acme.workers.dev/?reason=menu&detail=9&caller_number=%2B14155550100&dialled=5000&recording=`;
    expect(await response.text()).toContain(`{"module":"record_call","data":{"action":"start","url":"${url}"`);
  });

  it('recordings stores an upload in R2 and reads it back', async () => {
    const audio = new Uint8Array(4096).map((_, index) => index % 251);
    const put = await call(recordings, `${SIBLINGS.RECORDINGS_URL}/entries-1.mp3`, { method: 'PUT', body: audio, headers: { authorization: pivotAuth, 'content-type': 'audio/mpeg' } });
    expect(put.status).toBe(201);
    const { id } = (await put.json()) as { id: string };
    const got = await call(recordings, `${SIBLINGS.RECORDINGS_URL}/${id}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(audio);
  });

  it('the all-in-one worker (wrangler.toml main) serves /front-desk', async () => {
    const response = await SELF.fetch(`https://pivot-edge.acme.workers.dev/front-desk?${KAZOO_GET}`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('https://pivot-edge.acme.workers.dev/recordings');
  });
});

describe('the all-in-one worker', () => {
  it('serves /recordings from R2 too', async () => {
    const put = await SELF.fetch('https://pivot-edge.acme.workers.dev/recordings/entries-2.mp3', { method: 'PUT', body: new Uint8Array([1, 2, 3]), headers: { 'content-type': 'audio/mpeg' } });
    expect(put.status).toBe(201);
  });
});
