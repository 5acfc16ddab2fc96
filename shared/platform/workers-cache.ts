import type { TtlCache } from '../callers/cache.js';

// Cache API keys are URLs; this origin is never fetched.
const KEY_ORIGIN = 'https://cache.pivot-edge.invalid/';

/**
 * The Workers Cache API (per data centre). Cloudflare only keeps entries for Workers on a custom
 * domain (on workers.dev it stores nothing), hence the isolate-memory layer in front of it.
 */
export function cacheApi(name = 'pivot-edge'): TtlCache {
  return {
    async get(key) {
      try {
        const hit = await (await caches.open(name)).match(KEY_ORIGIN + encodeURIComponent(key));
        return hit === undefined ? undefined : await hit.json();
      } catch {
        return undefined;
      }
    },
    async put(key, value, seconds) {
      try {
        const headers = { 'content-type': 'application/json', 'cache-control': `max-age=${seconds}` };
        await (await caches.open(name)).put(KEY_ORIGIN + encodeURIComponent(key), new Response(JSON.stringify(value), { headers }));
      } catch {
        // A cache that cannot be written is a cache miss next time, nothing worse.
      }
    },
  };
}
