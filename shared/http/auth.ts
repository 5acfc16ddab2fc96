import type { MiddlewareHandler } from 'hono';
import { PivotEdgeError } from '../errors.js';
import { basicPassword, bearerToken, percentDecodedLoosely, safeEqual } from './secret.js';
import type { AppContext, AppEnv } from './types.js';

// Tokens are a few dozen characters; a longer password is compared only as sent.
const MAX_DECODED_TOKEN = 256;

/** Every place Kazoo can carry PIVOT_TOKEN, with where each came from (for the log; never the value). */
function presentedPivotTokens(c: AppContext): { readonly where: string; readonly token: string }[] {
  const basic = basicPassword(c.req.header('authorization'));
  const candidates = [
    { where: '?token=', token: c.req.query('token') },
    { where: 'Basic password', token: basic },
    // As Kazoo sends the userinfo of a URL we handed out: percent-encoded (see percentDecodedLoosely).
    ...(basic !== undefined && basic.includes('%') && basic.length <= MAX_DECODED_TOKEN ? [{ where: 'Basic password', token: percentDecodedLoosely(basic) }] : []),
    { where: 'X-Pivot-Token', token: c.req.header('x-pivot-token') },
  ];
  return candidates.filter((found): found is { where: string; token: string } => found.token !== undefined && found.token !== '');
}

/**
 * Why a request carries no valid PIVOT_TOKEN (`expected`), for the log line (never a value), or
 * undefined when it does. Kazoo sends the voice_url's userinfo as Basic, so that is tried first.
 */
export function pivotTokenRefusal(c: AppContext, expected: string): string | undefined {
  const basic = basicPassword(c.req.header('authorization'));
  if (basic !== undefined && safeEqual(basic, expected)) return undefined;
  const presented = presentedPivotTokens(c);
  if (presented.some(({ token }) => safeEqual(token, expected))) return undefined;
  const places = presented.length === 0 ? '?token=, Basic password, X-Pivot-Token' : presented.map(({ where }) => where).join(', ');
  return `${presented.length === 0 ? 'no token, looked in' : 'wrong token in'} ${places}`;
}

/** The 401 of a request without PIVOT_TOKEN. */
export function pivotTokenRequired(): PivotEdgeError {
  return new PivotEdgeError('unauthorized', 'a valid Pivot token is required', 401, { authenticate: 'Basic realm="pivot-edge"' });
}

/** Refuse (401) a Pivot or upload request without PIVOT_TOKEN; open when the variable is unset. */
export const requirePivotToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.var.config.pivotToken;
  const refusal = expected === undefined ? undefined : pivotTokenRefusal(c, expected);
  if (refusal !== undefined) {
    c.var.log.fields.why = refusal;
    throw pivotTokenRequired();
  }
  await next();
};

/** Management needs `Authorization: Bearer ADMIN_TOKEN`; with ADMIN_TOKEN unset it is disabled. */
export const requireAdminToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.var.config.adminToken;
  if (expected === undefined) {
    throw new PivotEdgeError('management_disabled', 'management is disabled: set ADMIN_TOKEN to enable it', 403);
  }
  const presented = bearerToken(c.req.header('authorization'));
  if (presented === undefined || !safeEqual(presented, expected)) {
    c.var.log.fields.why = `${presented === undefined ? 'no admin token, looked in' : 'wrong admin token in'} Authorization: Bearer`;
    throw new PivotEdgeError('unauthorized', 'a valid admin bearer token is required', 401, { authenticate: 'Bearer realm="pivot-edge"' });
  }
  await next();
};
