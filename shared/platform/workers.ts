import type { Platform } from '../http/types.js';

/** Cloudflare Workers: vars, secrets and bindings arrive as the fetch handler's `env`. With a cache: workers-cache.ts. */
export const workersPlatform: Platform = {
  name: 'workers',
  env: (c) => c.env as Readonly<Record<string, unknown>>,
  waitUntil: (c, work) => c.executionCtx.waitUntil(work),
};
