import { describe, expect, it } from 'vitest';
import { collectedHandler } from '../../functions/collected/app.js';
import { createFrontDeskApp, frontDeskHandler } from '../../functions/front-desk/app.js';
import { serveStandalone, standaloneWorker } from '../../shared/http/standalone.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { BASE, DEVICE_ID, KAZOO_FIRST_GET } from '../support/pivot.js';

// A Pivot function's own Worker (standaloneWorker) runs its handler on Hono's Context without a
// router: it must answer exactly where and how the same function under serveStandalone does.
const env = { TIMEZONE: 'America/New_York', FORCE_STATE: 'open', FRONT_DESK_DEVICE_ID: DEVICE_ID, PUBLIC_BASE_URL: BASE, PIVOT_TOKEN: 'pivot-token-0123456789' };
const AUTH = { authorization: `Basic ${btoa('pivot:pivot-token-0123456789')}` };
const context = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
const worker = standaloneWorker('front-desk', frontDeskHandler(nodePlatform({ ...env })));
const hono = serveStandalone('front-desk', createFrontDeskApp(nodePlatform({ ...env })));
const both = (path: string, init: RequestInit = {}) =>
  Promise.all([worker.fetch(new Request(`${BASE}${path}`, init), {}, context), hono.request(`${BASE}${path}`, init)]);
const withoutId = (response: Response) => [...response.headers].filter(([name]) => name !== 'x-request-id');

describe("a Pivot function's own Worker", () => {
  it.each(['/', '/front-desk', '/front-desk/', '//front-desk', '/Front-Desk/'])('%s answers the flow, as serveStandalone does', async (path) => {
    const [ours, theirs] = await both(`${path}?${KAZOO_FIRST_GET}`, { headers: AUTH });
    expect(ours.status).toBe(200);
    expect(await ours.text()).toBe(await theirs.text());
    expect(withoutId(ours)).toEqual(withoutId(theirs));
    expect(ours.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it.each(['/collected', '/front-desk/x', '/recordings'])('%s is not this function: 404, as serveStandalone answers', async (path) => {
    const [ours, theirs] = await both(path, { headers: AUTH });
    expect([ours.status, await ours.text(), ours.headers.get('content-type')]).toEqual([404, '404 Not Found', 'text/plain; charset=UTF-8']);
    expect([theirs.status, await theirs.text()]).toEqual([404, '404 Not Found']);
  });

  it('without the token: 401 with the challenge and the one error body', async () => {
    const [ours, theirs] = await both(`/front-desk?${KAZOO_FIRST_GET}`);
    expect(ours.status).toBe(401);
    expect(ours.headers.get('www-authenticate')).toBe('Basic realm="pivot-edge"');
    expect(await ours.json()).toEqual(await theirs.json());
  });

  it('HEAD: the GET answer without its body', async () => {
    const [ours, theirs] = await both(`/front-desk?${KAZOO_FIRST_GET}`, { method: 'HEAD', headers: AUTH });
    expect([ours.status, await ours.text(), ours.headers.get('content-type')]).toEqual([200, '', 'application/json']);
    expect([theirs.status, await theirs.text()]).toEqual([200, '']);
  });

  it('collected on its own answers a key as the all-in-one does', async () => {
    const menu = standaloneWorker('collected', collectedHandler(nodePlatform({ ...env, MENU: `1=device:${DEVICE_ID}` })));
    const response = await menu.fetch(new Request(`${BASE}/collected?attempt=0&${KAZOO_FIRST_GET}&Digits[menu]=1`, { headers: AUTH }), {}, context);
    expect(await response.json()).toMatchObject({ module: 'tts', children: { _: { module: 'device', data: { id: DEVICE_ID } } } });
  });
});
