import { loadConfig } from '../../shared/config/index.js';
import { createEndpointApp, pivotRoute, requestInstant, requirePivotToken, type Platform } from '../../shared/http/index.js';
import { answerFrontDesk } from './answer.js';

/** The front-desk function: every method Kazoo may use, at its root. */
export function createFrontDeskApp(platform: Platform) {
  const app = createEndpointApp(platform, loadConfig, 'front-desk');
  app.use(requirePivotToken);
  app.all('/', pivotRoute('front-desk', answerFrontDesk, { clock: requestInstant }));
  return app;
}
