import { Hono } from 'hono/tiny';
import type { Config, Endpoint } from '../config/types.js';
import { reportProblemsOnce } from './config-problems.js';
import { errorResponse } from './errors.js';
import { setLogLevel } from './log.js';
import { RequestLog } from './request-log.js';
import { queryCallId, requestIdOf } from './request-id.js';
import type { AppEnv, Platform } from './types.js';

/** Env in, frozen Config out, cached per env object (`loadConfig`, or `loadConfigWithoutHours`). */
export type ConfigLoader = (env: Readonly<Record<string, unknown>>) => Config;

/**
 * A Hono app with the config, the error mapper and the request log installed (the recordings
 * function): every request gets one JSON line (shared/http/request-log.ts) and an `X-Request-Id` to
 * find it by. The loader is passed in so a function that never evaluates hours does not bundle the
 * hours parser. The Pivot functions use the leaner createPivotApp (shared/http/pivot-app.ts), which
 * also says why an answer fell back (`X-Fallback`, to a request with the right `X-Admin-Token`).
 */
export function createEndpointApp(platform: Platform, loadConfig: ConfigLoader, endpoint: Endpoint): Hono<AppEnv> {
  // Not strict: `/recordings/` and `/recordings` are the same place to a person typing a URL.
  const app = new Hono<AppEnv>({ strict: false });
  app.use(async (c, next) => {
    const log = new RequestLog();
    c.set('log', log);
    c.set('platform', platform);
    const env = platform.env(c);
    const config = loadConfig(env);
    c.set('config', config);
    setLogLevel(config.logLevel);
    if (config.problems.length > 0) reportProblemsOnce(env, config, log);
    await next();
    const requestId = requestIdOf(c);
    c.header('x-request-id', requestId);
    log.finish(endpoint, c.req.method, c.res.status, requestId, () => queryCallId(c), () => c.req.header('content-length'));
  });
  app.onError(errorResponse);
  return app;
}
