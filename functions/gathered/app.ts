import type { MiddlewareHandler } from 'hono';
import { menuAnswer } from '../../shared/calls/index.js';
import { createEndpointApp, pivotRoute, requirePivotToken, type AppEnv, type Platform } from '../../shared/http/index.js';

/** gathered is requested by our TwiML <Gather> and <Redirect>, so it always answers TwiML (a Kazoo voicemail box aside). */
const answerInTwiml: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('config', { ...c.var.config, responseFormat: 'twiml' });
  await next();
};

/** The gathered function: routes a menu choice made through `<Gather>`. */
export function createGatheredApp(platform: Platform) {
  const app = createEndpointApp(platform);
  app.use(requirePivotToken, answerInTwiml);
  app.all('/', pivotRoute('gathered', menuAnswer));
  return app;
}
