import { Context, type ExecutionContext } from 'hono';
import { Hono } from 'hono/tiny';
import type { Endpoint } from '../config/types.js';
import { endpointPath } from './paths.js';
import type { AppEnv } from './types.js';

/** A function deployed on its own answers at its root and under `/<endpoint>` alike, however the path is written. */
export function serveStandalone(endpoint: Endpoint, app: Hono<AppEnv>): Hono<AppEnv> {
  return new Hono<AppEnv>({ getPath: endpointPath }).route(`/${endpoint}`, app).route('/', app);
}

/** The Workers module of a Pivot function deployed on its own. */
export interface StandaloneWorker {
  fetch(request: Request, env: unknown, executionCtx: ExecutionContext): Promise<Response>;
}

/**
 * A Pivot function's one handler as a Worker on its own, answering where serveStandalone does
 * (its root and `/<endpoint>`, however written; elsewhere Hono's 404) and as Hono answers HEAD
 * (the GET answer without its body). Its Context is Hono's own, made here rather than by a router
 * and its app: with one route there is nothing to route, and the Worker ships the handler and
 * Hono's Context only, about 3 KB gzip less.
 */
export function standaloneWorker(endpoint: Endpoint, handler: (c: Context<AppEnv>) => Promise<Response>): StandaloneWorker {
  const root = `/${endpoint}`;
  return {
    async fetch(request, env, executionCtx) {
      const path = endpointPath(request);
      if (path !== '/' && path !== root) return new Response('404 Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=UTF-8' } });
      try {
        const response = await handler(new Context<AppEnv>(request, { env: env as AppEnv['Bindings'], executionCtx }));
        return request.method === 'HEAD' ? new Response(null, response) : response;
      } catch (error) {
        // What Hono's own error handler answers; a Pivot handler catches its errors itself.
        console.error(error);
        return new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=UTF-8' } });
      }
    },
  };
}
