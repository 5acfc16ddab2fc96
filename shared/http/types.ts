import type { Context } from 'hono';
import type { TtlCache } from '../callers/cache.js';
import type { Config } from '../config/types.js';
import type { RequestLog } from './request-log.js';

/** The one seam between the core and a runtime: where its env comes from, how work outlives a response. */
export interface Platform {
  readonly name: 'workers' | 'lambda' | 'node';
  /** Environment variables (and, on Workers, bindings) for this request's process or isolate. */
  env(c: Context): Readonly<Record<string, unknown>>;
  /** Keep `work` running after the response is sent (Workers `waitUntil`). */
  waitUntil(c: Context, work: Promise<unknown>): void;
  /**
   * A small cache of JSON values (caller lookups): Workers: isolate memory, then the Cache API; Node
   * and Lambda: bounded memory. Unset on a Worker that looks no caller up (collected, gathered,
   * recordings), so its bundle leaves the cache out; front-desk then keeps one in memory.
   */
  readonly cache?: TtlCache;
}

/** Hono generics for every pivot-edge app. */
export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: { config: Config; platform: Platform; log: RequestLog };
}

export type AppContext = Context<AppEnv>;
