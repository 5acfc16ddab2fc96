import type { Config } from '../config/types.js';
import { safeEqual } from './secret.js';
import type { AppContext } from './types.js';

/**
 * The instant to answer as: now, or `X-Simulate-At` when the request also carries the right
 * `X-Admin-Token` (for testing hours); otherwise the header is ignored.
 */
export function requestInstant(c: AppContext, config: Config): Date {
  const simulated = c.req.header('x-simulate-at');
  const presented = c.req.header('x-admin-token');
  if (simulated === undefined || presented === undefined || config.adminToken === undefined) return new Date();
  if (!safeEqual(presented, config.adminToken)) return new Date();
  const instant = new Date(simulated);
  return Number.isNaN(instant.getTime()) ? new Date() : instant;
}
