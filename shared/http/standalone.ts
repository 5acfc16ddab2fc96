import { Hono } from 'hono/tiny';
import type { Endpoint } from '../config/types.js';
import type { AppEnv } from './types.js';

/** A function deployed on its own answers at its root and under `/<endpoint>` alike. */
export function serveStandalone(endpoint: Endpoint, app: Hono<AppEnv>): Hono<AppEnv> {
  return new Hono<AppEnv>().route(`/${endpoint}`, app).route('/', app);
}
