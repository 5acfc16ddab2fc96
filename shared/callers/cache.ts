/** A small cache of JSON values with a lifetime, behind the platform seam (see `Platform.cache`). */
export interface TtlCache {
  /** The value stored under `key`, or undefined when absent or expired. Never throws. */
  get(key: string): Promise<unknown>;
  /** Store `value` for `seconds`. May finish after the answer (see `Platform.waitUntil`); never throws. */
  put(key: string, value: unknown, seconds: number): Promise<void>;
}

/** An in-process cache of at most `capacity` entries; the least recently used go first. */
export function memoryCache(capacity = 1000, now: () => number = Date.now): TtlCache {
  const entries = new Map<string, { readonly value: unknown; readonly expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expires <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    async put(key, value, seconds) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + seconds * 1000 });
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
    },
  };
}

/** `near` first (this process, no I/O), then `far` (shared between processes); writes go to both. */
export function layeredCache(near: TtlCache, far: TtlCache): TtlCache {
  return {
    async get(key) {
      return (await near.get(key)) ?? (await far.get(key));
    },
    async put(key, value, seconds) {
      await Promise.all([near.put(key, value, seconds), far.put(key, value, seconds)]);
    },
  };
}
