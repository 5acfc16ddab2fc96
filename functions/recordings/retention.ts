import type { Config } from '../../shared/config/types.js';
import { logEvent } from '../../shared/http/log.js';
import type { RecordingStore } from '../../shared/storage/types.js';

const DAY_MS = 86_400_000;
const SWEEP_EVERY_MS = 6 * 3_600_000;

/** Deletes recordings older than RETENTION_DAYS (nothing when unset); resolves with how many. */
export async function sweepExpired(store: RecordingStore, config: Config, now: Date = new Date()): Promise<number> {
  if (config.retentionDays === undefined) return 0;
  const deleted = await store.sweep(new Date(now.getTime() - config.retentionDays * DAY_MS));
  logEvent('info', 'retention_sweep', { deleted, retentionDays: config.retentionDays });
  return deleted;
}

/**
 * Node: sweep now and every six hours while the process lives (the timer does not keep it
 * alive). Workers use a cron trigger and S3 a lifecycle rule instead.
 */
export function startRetention(store: RecordingStore, config: Config): { stop(): void } {
  if (config.retentionDays === undefined) return { stop: () => undefined };
  const run = (): void => {
    sweepExpired(store, config).catch((error: unknown) => logEvent('error', 'retention_failed', { message: String(error) }));
  };
  run();
  const timer = setInterval(run, SWEEP_EVERY_MS);
  (timer as { unref?: () => void }).unref?.();
  return { stop: () => clearInterval(timer) };
}
