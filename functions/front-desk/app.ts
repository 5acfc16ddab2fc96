import { memoryCache } from '../../shared/callers/cache.js';
import { callerLookup } from '../../shared/callers/lookup.js';
import { loadConfig } from '../../shared/config/index.js';
import { createEndpointApp, overrideLookup, pivotRoute, requestInstant, requirePivotToken, type PivotAppOptions, type Platform } from '../../shared/http/index.js';
import { answerFrontDesk } from './answer.js';

/** The front-desk function: every method Kazoo may use, at its root. */
export function createFrontDeskApp(platform: Platform, options: PivotAppOptions = {}) {
  const app = createEndpointApp(platform, loadConfig, 'front-desk');
  const override = overrideLookup(platform, options.settings);
  const cache = platform.cache ?? memoryCache();
  app.use(requirePivotToken);
  app.all('/', (c, next) => {
    // The lookup's cache writes finish after the answer is sent (Workers waitUntil).
    const lookup = callerLookup(cache, (work) => platform.waitUntil(c, work));
    return pivotRoute('front-desk', (call) => answerFrontDesk(call, lookup), { clock: requestInstant, override })(c, next);
  });
  return app;
}
