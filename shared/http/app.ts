import { Hono } from 'hono/tiny';
import type { Config, Endpoint } from '../config/types.js';
import { errorResponse } from './errors.js';
import { logText, setLogLevel, withoutSecrets } from './log.js';
import { RequestLog } from './request-log.js';
import { safeEqual } from './secret.js';
import type { AppContext, AppEnv, Platform } from './types.js';

/** Env in, frozen Config out, cached per env object (`loadConfig`, or `loadConfigWithoutHours`). */
export type ConfigLoader = (env: Readonly<Record<string, unknown>>) => Config;

/**
 * A Hono app with the config, the error mapper and the request log installed: every request gets
 * one JSON line (shared/http/request-log.ts) and an `X-Request-Id` to find it by; an answer that
 * fell back says why in `X-Fallback` to a request with the right `X-Admin-Token`. The loader is
 * passed in so a function that never evaluates hours does not bundle the hours parser.
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
    // Why the answer fell back, for the owner's tools (npm run call) only: it may name settings.
    const admin = c.req.header('x-admin-token');
    if (log.fallback !== undefined && admin !== undefined && config.adminToken !== undefined && safeEqual(admin, config.adminToken)) {
      // A header value must be Latin-1: anything else (a holiday's name, the `…` of a cut) becomes `?`.
      c.header('x-fallback', logText(withoutSecrets(log.fallback), 300).replace(/[^\x20-\x7e]/g, '?'));
    }
    log.finish(endpoint, c.req.method, c.res.status, requestId, () => queryCallId(c), () => c.req.header('content-length'));
  });
  app.onError(errorResponse);
  return app;
}

// Per env object, i.e. per process or Worker isolate: which config problems a line has carried.
const reported = new WeakMap<object, Set<string>>();

/**
 * Puts the config's problems on this request's line (at warn) the first time this env meets them,
 * so a deployed function names a broken variable once, not on every call, and never silently
 * (a call that falls back because of it still says why on its own line).
 */
function reportProblemsOnce(env: object, config: Config, log: RequestLog): void {
  const seen = reportedFor(env);
  const fresh = config.problems.map((problem) => problem.message).filter((message) => !seen.has(message));
  if (fresh.length === 0) return;
  for (const message of fresh) seen.add(message);
  log.fields.configProblems = logText(withoutSecrets(fresh.join('; ')), 1000);
  log.warn = true;
}

function reportedFor(env: object): Set<string> {
  let seen = reported.get(env);
  if (seen === undefined) reported.set(env, (seen = new Set()));
  return seen;
}

/** Config problems already told to the operator another way (the local server's start-up report): no line repeats them. */
export function problemsReported(env: object, messages: readonly string[]): void {
  const seen = reportedFor(env);
  for (const message of messages) seen.add(message);
}

let localPrefix: string | undefined;
let localCount = 0;

/** The platform's id when it gives one (Cloudflare's `cf-ray`, AWS's trace id), else a per-process counter. */
function requestIdOf(c: AppContext): string {
  const given = c.req.header('cf-ray') ?? c.req.header('x-amzn-trace-id');
  // Echoed in a header: cut plainly (a header value is Latin-1 already; `…` is not).
  if (given !== undefined) return given.replace(/[^\x20-\x7e]/g, '').slice(0, 64);
  // Lazily: Workers allow no random values at start-up, outside a request.
  localPrefix ??= crypto.randomUUID().slice(0, 8);
  localCount += 1;
  return `${localPrefix}-${localCount.toString(36)}`;
}

/** The Call-ID of a request refused before its parameters were read (a 401): the query only, never the body. */
function queryCallId(c: AppContext): string | undefined {
  return c.req.query('Call-ID') ?? c.req.query('CallSid');
}
