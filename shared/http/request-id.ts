import type { Config } from '../config/types.js';
import { logText, withoutSecrets } from './log.js';
import { safeEqual } from './secret.js';
import type { AppContext } from './types.js';

let localPrefix: string | undefined;
let localCount = 0;

/** The platform's id when it gives one (Cloudflare's `cf-ray`, AWS's trace id), else a per-process counter. */
export function requestIdOf(c: AppContext): string {
  const given = c.req.header('cf-ray') ?? c.req.header('x-amzn-trace-id');
  // Echoed in a header: cut plainly (a header value is Latin-1 already; `…` is not).
  if (given !== undefined) return given.replace(/[^\x20-\x7e]/g, '').slice(0, 64);
  // Lazily: Workers allow no random values at start-up, outside a request.
  localPrefix ??= crypto.randomUUID().slice(0, 8);
  localCount += 1;
  return `${localPrefix}-${localCount.toString(36)}`;
}

/**
 * `X-Fallback`: why the answer fell back, for the owner's tools (npm run call) only, as it may
 * name settings: undefined unless the request carries the right `X-Admin-Token`.
 */
export function fallbackHeader(c: AppContext, config: Config, fallback: string | undefined): string | undefined {
  if (fallback === undefined || config.adminToken === undefined) return undefined;
  const admin = c.req.header('x-admin-token');
  if (admin === undefined || !safeEqual(admin, config.adminToken)) return undefined;
  // A header value must be Latin-1: anything else (a holiday's name, the `…` of a cut) becomes `?`.
  return logText(withoutSecrets(fallback), 300).replace(/[^\x20-\x7e]/g, '?');
}

/** The Call-ID of a request refused before its parameters were read (a 401): the query only, never the body. */
export function queryCallId(c: AppContext): string | undefined {
  return c.req.query('Call-ID') ?? c.req.query('CallSid');
}
