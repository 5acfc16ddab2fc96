import type { ErrorHandler } from 'hono';
import { isPivotEdgeError } from '../errors.js';
import { logEvent, logText, withoutSecrets } from './log.js';
import type { RequestLog } from './request-log.js';
import type { AppContext, AppEnv } from './types.js';

/**
 * The one place an error becomes a response outside the Pivot answers (which always fall back
 * to a flow, see pivot-route.ts): our own errors keep their status and message, anything else is
 * answered 500 without details. The request's log line carries the code (and a 5xx's message).
 */
export function errorResponse(error: Parameters<ErrorHandler<AppEnv>>[0], c: AppContext): Response {
  const log = c.get('log') as RequestLog | undefined;
  const report = (code: string, message?: string): void => {
    if (log !== undefined) Object.assign(log.fields, { error: code }, message === undefined ? {} : { message: logText(withoutSecrets(message), 300) });
    else if (message !== undefined) logEvent('error', code, { message, path: c.req.path });
  };
  if (isPivotEdgeError(error)) {
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (typeof error.details.authenticate === 'string') headers['www-authenticate'] = error.details.authenticate;
    if (error.status >= 500) report(error.code, error.message);
    else report(error.code);
    return c.json({ error: error.code, message: error.message }, error.status as 400, headers);
  }
  report('internal', error instanceof Error ? error.message : String(error));
  return c.json({ error: 'internal', message: 'internal error' }, 500);
}
