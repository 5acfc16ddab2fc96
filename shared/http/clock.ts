import type { Config } from '../config/types.js';
import { parseInstant } from '../hours/local-instant.js';
import type { PivotExchange } from './pivot-route.js';
import { safeEqual } from './secret.js';
import type { AppContext } from './types.js';

/**
 * The instant to answer as: now, or `X-Simulate-At` when the request also carries the right
 * `X-Admin-Token` (for testing hours). A local time without a zone is read in TIMEZONE. The
 * answer says which instant it used (`X-Simulated-At`), or why it did not (`X-Simulate-Refused`,
 * also on the request's log line at warn level): a refused override is never silent.
 */
export function requestInstant(c: AppContext, config: Config, { log, headers }: PivotExchange): Date {
  const simulated = c.req.header('x-simulate-at');
  if (simulated === undefined) return new Date();
  const refusal = tokenRefusal(c.req.header('x-admin-token'), config.adminToken);
  const instant = refusal === undefined ? parseInstant(simulated, config.timeZone) : undefined;
  if (instant === undefined) {
    const why = refusal ?? `unreadable X-Simulate-At, expected 2026-12-25T10:00 (in TIMEZONE) or 2026-12-25T15:00:00Z`;
    log.fields.simulateRefused = why;
    log.warn = true;
    headers['x-simulate-refused'] = why;
    return new Date();
  }
  const used = instant.toISOString();
  log.fields.simulatedAt = used;
  headers['x-simulated-at'] = used;
  return instant;
}

function tokenRefusal(presented: string | undefined, expected: string | undefined): string | undefined {
  if (expected === undefined) return 'ADMIN_TOKEN is not set on the server';
  if (presented === undefined) return 'no X-Admin-Token';
  return safeEqual(presented, expected) ? undefined : 'wrong X-Admin-Token';
}
