import { isPivotEdgeError } from '../errors.js';
import type { logEvent } from '../http/log.js';
import { parseStoredOverride } from './stored.js';
import { OVERRIDE_KEY, type HoursOverride, type SettingsStore } from './types.js';

/**
 * What a call knows of the override: `fresh` from the latest read, `stale` (the latest read failed
 * or is still running, so the last good value), `unavailable` (nothing was ever read), `off` (no store).
 */
export interface OverrideReading {
  readonly override: HoursOverride | null;
  readonly status: 'fresh' | 'stale' | 'unavailable' | 'off';
}

export interface OverrideReaderOptions {
  readonly store: Pick<SettingsStore, 'getText'>;
  /** Milliseconds on a monotonic-enough clock (Date.now); tests step it by hand. */
  readonly clock?: () => number;
  /** The store is read at most once per this window. */
  readonly freshMs?: number;
  /** The longest a call waits for a read before answering without it. */
  readonly waitMs?: number;
  /** Calls `fire` after `ms`, returns a cancel function (tests fire by hand). */
  readonly timer?: (ms: number, fire: () => void) => () => void;
  readonly log?: typeof logEvent;
}

/** Five seconds: an owner's switch reaches calls within seconds, and a busy line costs at most 12 reads a minute per instance. */
export const OVERRIDE_FRESH_MS = 5_000;
/** Kazoo gives a Pivot answer 5 s in all; a healthy R2/S3/disk read takes tens of ms. */
export const OVERRIDE_WAIT_MS = 300;

interface Attempt {
  done: Promise<void>;
  settled: boolean;
  failed: boolean;
  /** A call already waited for it in vain: later calls of the window do not wait again. */
  late: boolean;
  /** One log line per read, whether it was slow, failed, or both. */
  reported: boolean;
}

/**
 * The stored override with a short cache: the store is read at most once per `freshMs`, one read
 * shared by every call that arrives meanwhile. A call waits at most `waitMs` for a read; past that
 * (and for the rest of the window, once one call waited in vain), or when the read fails, calls go
 * on with the last value read (or none), and the read is logged once. The read is handed to
 * `keepAlive` so it can finish after the response and fill the cache.
 */
export function createOverrideReader(options: OverrideReaderOptions): { read(keepAlive?: (work: Promise<void>) => void): Promise<OverrideReading> } {
  const clock = options.clock ?? Date.now;
  const freshMs = options.freshMs ?? OVERRIDE_FRESH_MS;
  const waitMs = options.waitMs ?? OVERRIDE_WAIT_MS;
  const timer = options.timer ?? ((ms, fire) => {
    const handle = setTimeout(fire, ms);
    return () => clearTimeout(handle);
  });
  const log = options.log ?? (() => undefined);
  let known: HoursOverride | null | undefined;
  let knownText: string | null | undefined;
  let latest: Attempt | undefined;
  let reads = 0;
  let applied = 0;
  let startedAt = -Infinity;

  function report(attempt: Attempt, event: string, fields: Record<string, unknown>): void {
    if (attempt.reported) return;
    attempt.reported = true;
    log('warn', event, { key: OVERRIDE_KEY, ...fields });
  }

  function apply(text: string | null): void {
    if (text === knownText) return;
    knownText = text;
    try {
      known = text === null ? null : parseStoredOverride(text);
    } catch (error) {
      known = null;
      log('warn', 'override_invalid', { key: OVERRIDE_KEY, why: isPivotEdgeError(error) ? error.message : String(error) });
    }
  }

  function start(): Attempt {
    const number = ++reads;
    const attempt: Attempt = { done: Promise.resolve(), settled: false, failed: false, late: false, reported: false };
    attempt.done = (async () => {
      try {
        const text = await options.store.getText(OVERRIDE_KEY);
        // Reads can overlap when one hangs past the window: an older answer never replaces a newer one.
        if (number > applied) {
          applied = number;
          apply(text);
        }
      } catch (error) {
        attempt.failed = true;
        report(attempt, 'override_read_failed', { message: error instanceof Error ? error.message : String(error) });
      } finally {
        attempt.settled = true;
      }
    })();
    return attempt;
  }

  async function within(attempt: Attempt): Promise<void> {
    let cancel = (): void => undefined;
    const late = new Promise<'late'>((resolve) => (cancel = timer(waitMs, () => resolve('late'))));
    try {
      if ((await Promise.race([attempt.done, late])) === 'late' && !attempt.settled) {
        attempt.late = true;
        report(attempt, 'override_read_slow', { waitedMs: waitMs });
      }
    } finally {
      cancel();
    }
  }

  return {
    async read(keepAlive) {
      const now = clock();
      if (latest === undefined || now - startedAt >= freshMs || now < startedAt) {
        startedAt = now;
        latest = start();
        keepAlive?.(latest.done);
      }
      if (!latest.settled && !latest.late) await within(latest);
      if (known === undefined) return { override: null, status: 'unavailable' };
      return { override: known, status: latest.settled && !latest.failed ? 'fresh' : 'stale' };
    },
  };
}
