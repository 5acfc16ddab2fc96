import type { MiddlewareHandler } from 'hono';
import { PivotEdgeError } from '../errors.js';
import { basicPassword, bearerToken, safeEqual } from './secret.js';
import type { AppContext, AppEnv } from './types.js';

/** Every place Kazoo can carry PIVOT_TOKEN: `?token=`, the Basic password of URL userinfo, `X-Pivot-Token`. */
function presentedPivotTokens(c: AppContext): string[] {
  const candidates = [c.req.query('token'), basicPassword(c.req.header('authorization')), c.req.header('x-pivot-token')];
  return candidates.filter((token): token is string => token !== undefined && token !== '');
}

/** Refuse (401) a Pivot or upload request without PIVOT_TOKEN; open when the variable is unset. */
export const requirePivotToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.var.config.pivotToken;
  if (expected !== undefined) {
    if (!presentedPivotTokens(c).some((token) => safeEqual(token, expected))) {
      throw new PivotEdgeError('unauthorized', 'a valid Pivot token is required', 401, { authenticate: 'Basic realm="pivot-edge"' });
    }
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
    throw new PivotEdgeError('unauthorized', 'a valid admin bearer token is required', 401, { authenticate: 'Bearer realm="pivot-edge"' });
  }
  await next();
};
