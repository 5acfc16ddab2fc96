import { Hono } from 'hono';
import { loadConfig } from '../config/index.js';
import { errorResponse } from './errors.js';
import type { AppEnv, Platform } from './types.js';

/** A Hono app with the config (parsed once per env object) and the error mapper installed. */
export function createEndpointApp(platform: Platform): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('platform', platform);
    c.set('config', loadConfig(platform.env(c)));
    await next();
  });
  app.onError(errorResponse);
  return app;
}
