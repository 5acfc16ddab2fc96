import { menuAnswer } from '../../shared/calls/index.js';
import { loadConfig } from '../../shared/config/index.js';
import { createEndpointApp, pivotRoute, requestInstant, requirePivotToken, type Platform } from '../../shared/http/index.js';

/**
 * The gathered function: routes a menu choice made through `<Gather>`. It is requested by our own
 * TwiML, so it always answers TwiML (a Kazoo voicemail box aside).
 */
export function createGatheredApp(platform: Platform) {
  const app = createEndpointApp(platform, loadConfig, 'gathered');
  app.use(requirePivotToken);
  app.all('/', pivotRoute('gathered', menuAnswer, { dialect: 'twiml', clock: requestInstant }));
  return app;
}
