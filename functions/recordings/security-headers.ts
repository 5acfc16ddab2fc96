import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../shared/http/types.js';

// API answers (JSON, audio, errors, Pivot answers) load nothing and are never framed.
const API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The security headers of every response of the recordings function, errors included. A page
 * brings its own (hash-based) Content-Security-Policy; everything else gets the API policy.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  let headers = c.res.headers;
  try {
    headers.set('x-content-type-options', 'nosniff');
  } catch {
    // Immutable headers (a response passed through from fetch): copy it once.
    c.res = new Response(c.res.body, c.res);
    headers = c.res.headers;
  }
  for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
  if (!headers.has('content-security-policy')) headers.set('content-security-policy', API_POLICY);
};
