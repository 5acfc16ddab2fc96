import { loadConfig } from '../../shared/config/index.js';
import { createEndpointApp, overrideLookup, pivotRoute, requestInstant, requirePivotToken, type PivotAppOptions, type Platform } from '../../shared/http/index.js';
import { answerFrontDesk } from './answer.js';

/** The front-desk function: every method Kazoo may use, at its root. */
export function createFrontDeskApp(platform: Platform, options: PivotAppOptions = {}) {
  const app = createEndpointApp(platform, loadConfig, 'front-desk');
  app.use(requirePivotToken);
  app.all('/', pivotRoute('front-desk', answerFrontDesk, { clock: requestInstant, override: overrideLookup(platform, options.settings) }));
  return app;
}
