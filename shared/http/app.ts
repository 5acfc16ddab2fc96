import { Hono } from 'hono/tiny';
import type { Config } from '../config/types.js';
import { errorResponse } from './errors.js';
import type { AppEnv, Platform } from './types.js';

/** Env in, frozen Config out, cached per env object (`loadConfig`, or `loadConfigWithoutHours`). */
export type ConfigLoader = (env: Readonly<Record<string, unknown>>) => Config;

/**
 * A Hono app with the config and the error mapper installed. The loader is passed in so a
 * function that never evaluates hours does not bundle the hours parser.
 */
export function createEndpointApp(platform: Platform, loadConfig: ConfigLoader): Hono<AppEnv> {
  // Not strict: `/recordings/` and `/recordings` are the same place to a person typing a URL.
  const app = new Hono<AppEnv>({ strict: false });
  app.use(async (c, next) => {
    c.set('platform', platform);
    c.set('config', loadConfig(platform.env(c)));
    await next();
  });
  app.onError(errorResponse);
  return app;
}
