import { getPath } from 'hono/utils/url';

// Cheap test first: almost every request is already clean and pays for nothing more.
const UNTIDY = /\/\/|.\/$|[A-Z]/;

/**
 * The path to route by, written the one way our routes are: `/front-desk/`, `//front-desk`,
 * `/Front-Desk` and `/front-desk//` all reach `/front-desk`. Kazoo and people write paths every
 * way, and a reachable endpoint must never answer a Pivot request 404. Upload names are read from
 * the raw URL, so lower-casing the routing path changes no stored name.
 */
export function endpointPath(request: Request): string {
  const path = getPath(request);
  if (!UNTIDY.test(path)) return path;
  const tidy = path.replace(/\/{2,}/g, '/').toLowerCase();
  return tidy.length > 1 && tidy.endsWith('/') ? tidy.slice(0, -1) : tidy;
}
