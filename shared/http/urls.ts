import type { Config, Endpoint } from '../config/types.js';
import type { AppContext } from './types.js';

const ENDPOINTS: readonly Endpoint[] = ['front-desk', 'collected', 'gathered', 'recordings'];
/** Origins remembered per config when the URLs come from the request (a local try-out, a proxy). */
const MAX_ORIGINS = 16;

type EndpointUrls = Readonly<Record<Endpoint, string>>;
const known = new WeakMap<Config, Map<string, EndpointUrls>>();

/**
 * Absolute URL of every endpoint, as handed to Kazoo: `*_URL` if set, else PUBLIC_BASE_URL, else
 * the request's own origin (proxy headers honoured). PIVOT_TOKEN rides as URL userinfo because
 * Kazoo appends `/<file>` to recording URLs, which would break a `?token=` query. Worked out once
 * per config and base, not per call.
 */
export function endpointUrls(c: AppContext, config: Config): EndpointUrls {
  const base = config.publicBaseUrl ?? requestOrigin(c);
  let byBase = known.get(config);
  if (byBase === undefined) known.set(config, (byBase = new Map()));
  let urls = byBase.get(base);
  if (urls === undefined) {
    if (byBase.size >= MAX_ORIGINS) byBase.clear();
    const built = {} as Record<Endpoint, string>;
    for (const endpoint of ENDPOINTS) built[endpoint] = withToken(config.endpointUrls[endpoint] ?? `${base}/${endpoint}`, config.pivotToken);
    byBase.set(base, (urls = Object.freeze(built)));
  }
  return urls;
}

/** The request's own origin, proxy headers honoured: where the owner reached us. */
export function requestOrigin(c: AppContext): string {
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
