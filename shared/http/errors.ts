import type { ErrorHandler } from 'hono';
import { isPivotEdgeError } from '../errors.js';
import { logEvent } from './log.js';
import type { AppEnv } from './types.js';

/**
 * The one place an error becomes a response outside the Pivot answers (which always fall back
 * to a flow, see pivot-route.ts): our own errors keep their status and message, anything else is
 * logged and answered 500 without details.
 */
export const errorResponse: ErrorHandler<AppEnv> = (error, c) => {
  if (isPivotEdgeError(error)) {
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (typeof error.details.authenticate === 'string') headers['www-authenticate'] = error.details.authenticate;
    if (error.status >= 500) logEvent('error', error.code, { message: error.message, path: c.req.path });
    return c.json({ error: error.code, message: error.message }, error.status as 400, headers);
  }
  logEvent('error', 'unexpected', { message: error instanceof Error ? error.message : String(error), path: c.req.path });
  return c.json({ error: 'internal', message: 'internal error' }, 500);
};
