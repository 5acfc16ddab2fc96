import { layeredCache, memoryCache } from '../callers/cache.js';
import type { Platform } from '../http/types.js';
import { cacheApi } from './workers-cache.js';

/** Cloudflare Workers: vars, secrets and bindings arrive as the fetch handler's `env`. */
export const workersPlatform: Platform = {
  name: 'workers',
  env: (c) => c.env as Readonly<Record<string, unknown>>,
  waitUntil: (c, work) => c.executionCtx.waitUntil(work),
  cache: layeredCache(memoryCache(), cacheApi()),
};
