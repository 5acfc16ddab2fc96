import { Hono } from 'hono/tiny';
import type { Endpoint } from '../config/types.js';
import { endpointPath } from './paths.js';
import type { AppEnv } from './types.js';

/** A function deployed on its own answers at its root and under `/<endpoint>` alike, however the path is written. */
export function serveStandalone(endpoint: Endpoint, app: Hono<AppEnv>): Hono<AppEnv> {
  return new Hono<AppEnv>({ getPath: endpointPath }).route(`/${endpoint}`, app).route('/', app);
}
