import type { MiddlewareHandler } from 'hono';
import { menuAnswer } from '../../shared/calls/index.js';
import { createEndpointApp, pivotRoute, requirePivotToken, type AppEnv, type Platform } from '../../shared/http/index.js';

/** collected is requested by the pivot child of our collect_dtmf, so it always answers Callflow JSON. */
const answerInCallflow: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('config', { ...c.var.config, responseFormat: 'callflow' });
  await next();
};

/** The collected function: routes a menu choice made through collect_dtmf. */
export function createCollectedApp(platform: Platform) {
  const app = createEndpointApp(platform);
  app.use(requirePivotToken, answerInCallflow);
  app.all('/', pivotRoute('collected', menuAnswer));
  return app;
}
