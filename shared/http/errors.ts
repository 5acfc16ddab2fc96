import type { ErrorHandler } from 'hono';
import { isPivotEdgeError } from '../errors.js';
import { logEvent, logText, withoutSecrets } from './log.js';
import type { RequestLog } from './request-log.js';
import type { AppContext, AppEnv } from './types.js';

// Details that become response headers: who may retry when (a 503), which methods a path takes (a 405).
const DETAIL_HEADERS = [
  ['authenticate', 'www-authenticate'],
  ['retryAfter', 'retry-after'],
  ['allow', 'allow'],
] as const;

/**
 * The one place an error becomes a response outside the Pivot answers (which always fall back
 * to a flow, see pivot-route.ts): our own errors keep their status and message, anything else is
 * answered 500 without details. The request's log line carries the code (and a 5xx's message and
 * cause: what the operator needs to act on).
 */
export function errorResponse(error: Parameters<ErrorHandler<AppEnv>>[0], c: AppContext): Response {
  const log = c.get('log') as RequestLog | undefined;
  const report = (code: string, message?: string, cause?: unknown): void => {
    const fields: Record<string, string> = { error: code };
    if (message !== undefined) fields.message = logText(withoutSecrets(message), 300);
    if (typeof cause === 'string') fields.cause = logText(withoutSecrets(cause), 300);
    if (log !== undefined) Object.assign(log.fields, fields);
    else if (message !== undefined) logEvent('error', code, { ...fields, path: c.req.path });
  };
  if (isPivotEdgeError(error)) {
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    for (const [detail, header] of DETAIL_HEADERS) if (typeof error.details[detail] === 'string') headers[header] = error.details[detail];
    if (error.status >= 500) report(error.code, error.message, error.details.cause);
    else report(error.code);
    return c.json({ error: error.code, message: error.message }, error.status as 400, headers);
  }
  report('internal', error instanceof Error ? error.message : String(error));
  return c.json({ error: 'internal', message: 'internal error' }, 500);
}
