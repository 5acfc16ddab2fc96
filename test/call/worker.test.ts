// The same call scenarios against the all-in-one Worker under `wrangler dev` (workerd, local R2),
// started by this file on free ports with a config of its own.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { wranglerDevServer, type TestServer } from '../support/servers.js';
import { secretLeaks } from '../support/log-capture.js';
import { ADMIN_TOKEN, menuEnv, PIVOT_TOKEN, plainEnv, scenarioSuite } from './scenarios.js';

let plain: TestServer;
let menu: TestServer;
beforeAll(async () => {
  [plain, menu] = await Promise.all([wranglerDevServer(plainEnv), wranglerDevServer(menuEnv)]);
}, 180_000);
afterAll(async () => {
  await Promise.all([plain?.close(), menu?.close()]);
});

scenarioSuite('wrangler dev', () => ({ plain, menu }));

it('the Worker writes one JSON line per request to its log, and no token in any form', () => {
  const lines = plain.output().split('\n').filter((line) => line.startsWith('{"time"'));
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.map((line) => JSON.parse(line) as { event: string }).map((line) => line.event)).toEqual(expect.arrayContaining(['answer', 'upload']));
  for (const server of [plain, menu]) expect(secretLeaks(server.output(), [PIVOT_TOKEN, ADMIN_TOKEN])).toEqual([]);
});
