import type { Config, Endpoint } from '../config/types.js';
import type { AppContext } from './types.js';

const ENDPOINTS: readonly Endpoint[] = ['front-desk', 'collected', 'gathered', 'recordings'];

/**
 * Absolute URL of every endpoint, as handed to Kazoo: `*_URL` if set, else PUBLIC_BASE_URL, else
 * the request's own origin (proxy headers honoured). PIVOT_TOKEN rides as URL userinfo because
 * Kazoo appends `/<file>` to recording URLs, which would break a `?token=` query.
 */
export function endpointUrls(c: AppContext, config: Config): Record<Endpoint, string> {
  const base = config.publicBaseUrl ?? requestOrigin(c);
  const urls = {} as Record<Endpoint, string>;
  for (const endpoint of ENDPOINTS) {
    urls[endpoint] = withToken(config.endpointUrls[endpoint] ?? `${base}/${endpoint}`, config.pivotToken);
  }
  return urls;
}

function requestOrigin(c: AppContext): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
  if (host !== undefined && /^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) url.host = host;
  return url.origin;
}

function withToken(url: string, token: string | undefined): string {
  if (token === undefined) return url;
  const parsed = new URL(url);
  parsed.username = 'pivot';
  parsed.password = token;
  return parsed.toString().replace(/\/$/, '');
}
