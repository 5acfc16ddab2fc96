import { menuAnswer } from '../../shared/calls/index.js';
import { loadConfigWithoutCallers } from '../../shared/config/without-callers.js';
import { createEndpointApp, pivotRoute, requirePivotToken, type Platform } from '../../shared/http/index.js';

/**
 * The gathered function: routes a menu choice made through `<Gather>`. It is requested by our own
 * TwiML, so it always answers TwiML (a Kazoo voicemail box aside).
 */
export function createGatheredApp(platform: Platform) {
  const app = createEndpointApp(platform, loadConfigWithoutCallers);
  app.use(requirePivotToken);
  app.all('/', pivotRoute('gathered', menuAnswer, { dialect: 'twiml' }));
  return app;
}
