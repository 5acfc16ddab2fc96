import { layeredCache, memoryCache } from '../callers/cache.js';
import type { Platform } from '../http/types.js';
import { cacheApi } from './workers-cache.js';
import { workersPlatform } from './workers.js';

/** Workers with the caller lookup's cache: isolate memory, then the Cache API (front-desk, the all-in-one Worker). */
export const workersCallerPlatform: Platform = { ...workersPlatform, cache: layeredCache(memoryCache(), cacheApi()) };
