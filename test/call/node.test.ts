// The call scenarios against the local server of `npm start` (in this process, on a free port).
import { afterAll, beforeAll } from 'vitest';
import { nodeServer, type TestServer } from '../support/servers.js';
import { menuEnv, plainEnv, scenarioSuite } from './scenarios.js';

let plain: TestServer;
let menu: TestServer;
beforeAll(async () => {
  [plain, menu] = await Promise.all([nodeServer(plainEnv), nodeServer(menuEnv)]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), menu?.close()]);
});

scenarioSuite('local server', () => ({ plain, menu }));
