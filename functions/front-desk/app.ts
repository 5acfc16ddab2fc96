import { memoryCache } from '../../shared/callers/cache.js';
import { callerLookup } from '../../shared/callers/lookup.js';
import { loadConfig } from '../../shared/config/index.js';
import { createPivotApp, overrideLookup, pivotHandler, requestInstant, type PivotAppOptions, type PivotHandler, type Platform } from '../../shared/http/index.js';
import { answerFrontDesk } from './answer.js';

/** The front-desk function: every method Kazoo may use, at its root. */
export function frontDeskHandler(platform: Platform, options: PivotAppOptions = {}): PivotHandler {
  const cache = platform.cache ?? memoryCache();
  return pivotHandler(
    platform,
    loadConfig,
    'front-desk',
    // Made only when a call asks (CALLER_LOOKUP_URL); its cache writes finish after the answer is sent (Workers waitUntil).
    (call, c) => answerFrontDesk(call, (settings, query) => callerLookup(cache, (work) => platform.waitUntil(c, work))(settings, query)),
    { clock: requestInstant, override: overrideLookup(platform, options.settings) },
  );
}

/** The front-desk function as a Hono app (the all-in-one app, Lambda, tests). */
export function createFrontDeskApp(platform: Platform, options: PivotAppOptions = {}) {
  return createPivotApp(frontDeskHandler(platform, options));
}
