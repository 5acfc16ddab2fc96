import { memoryCache } from '../callers/cache.js';
import type { Platform } from '../http/types.js';
import { logEvent } from '../http/log.js';

/** Node (the local server, and Lambda): env from `process.env` or a given object; background work just runs on. */
export function nodePlatform(env: Readonly<Record<string, unknown>> = process.env): Platform {
  return {
    name: 'node',
    env: () => env,
    waitUntil: (_c, work) => {
      work.catch((error: unknown) => logEvent('error', 'background_failed', { message: String(error) }));
    },
    cache: memoryCache(),
  };
}
