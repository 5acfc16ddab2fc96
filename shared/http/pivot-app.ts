import { Hono } from 'hono/tiny';
import type { Endpoint } from '../config/types.js';
import type { ConfigLoader } from './app.js';
import { pivotTokenRefusal, pivotTokenRequired } from './auth.js';
import { reportProblemsOnce } from './config-problems.js';
import { errorResponse } from './errors.js';
import { setLogLevel } from './log.js';
import { flowResponse, pivotFlow, type PivotAnswer, type PivotExchange, type PivotRouteOptions } from './pivot-route.js';
import { RequestLog } from './request-log.js';
import { fallbackHeader, queryCallId, requestIdOf } from './request-id.js';
import type { AppContext, AppEnv, Platform } from './types.js';

/** A whole Pivot function as one Hono handler (see pivotHandler). */
export type PivotHandler = (c: AppContext) => Promise<Response>;

/**
 * A Pivot function (front-desk, collected, gathered) as a Hono app: pivotHandler at its root, for
 * every method Kazoo may use. No middleware and no error hook: mounted with `route()` (the
 * all-in-one app, serveStandalone) it stays one plain call.
 */
export function createPivotApp(handler: PivotHandler): Hono<AppEnv> {
  return new Hono<AppEnv>().all('/', handler);
}

/**
 * Everything a Pivot function does for one request: check PIVOT_TOKEN, answer a flow, write the
 * request log line, with the headers of createEndpointApp (X-Request-Id, X-Fallback). The answer is
 * built once with plain headers, the cheapest path through Hono and @hono/node-server.
 */
export function pivotHandler(platform: Platform, loadConfig: ConfigLoader, endpoint: Endpoint, answer: PivotAnswer, options: PivotRouteOptions = {}): PivotHandler {
  return async (c) => {
    const log = new RequestLog();
    const env = platform.env(c);
    const config = loadConfig(env);
    setLogLevel(config.logLevel);
    if (config.problems.length > 0) reportProblemsOnce(env, config, log);
    const requestId = requestIdOf(c);
    let response: Response;
    try {
      const refusal = config.pivotToken === undefined ? undefined : pivotTokenRefusal(c, config.pivotToken);
      if (refusal !== undefined) {
        log.fields.why = refusal;
        throw pivotTokenRequired();
      }
      const exchange: PivotExchange = { log, headers: { 'x-request-id': requestId } };
      const flow = await pivotFlow(c, config, exchange, answer, options);
      const fallback = fallbackHeader(c, config, log.fallback);
      if (fallback !== undefined) exchange.headers['x-fallback'] = fallback;
      response = flowResponse(flow, exchange.headers);
    } catch (error) {
      response = refused(c, error, log, requestId);
    }
    log.finish(endpoint, c.req.method, response.status, requestId, () => queryCallId(c), () => c.req.header('content-length'));
    return response;
  };
}

/** A request answered with an error (a 401) by the one error mapper, with its request id. */
function refused(c: AppContext, error: unknown, log: RequestLog, requestId: string): Response {
  c.set('log', log);
  c.header('x-request-id', requestId);
  return errorResponse(error instanceof Error ? error : new Error(String(error)), c);
}
