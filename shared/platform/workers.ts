import type { Platform } from '../http/types.js';

/**
 * Cloudflare Workers: vars, secrets and bindings arrive as the fetch handler's `env`. No lookup
 * cache: a Worker that looks callers up (front-desk, all-in-one) uses workersCallerPlatform.
 */
export const workersPlatform: Platform = {
  name: 'workers',
  env: (c) => c.env as Readonly<Record<string, unknown>>,
  waitUntil: (c, work) => c.executionCtx.waitUntil(work),
};
