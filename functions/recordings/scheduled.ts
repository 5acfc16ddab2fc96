import { loadConfigWithoutHours } from '../../shared/config/without-hours.js';
import { sweepExpired } from './retention.js';
import { r2RecordingStore } from './store-r2.js';

/** The Workers cron trigger (wrangler.toml `[triggers] crons`): applies RETENTION_DAYS to R2. */
export function scheduledSweep(_controller: unknown, env: Readonly<Record<string, unknown>>, ctx: { waitUntil(work: Promise<unknown>): void }): void {
  ctx.waitUntil(sweepExpired(r2RecordingStore(env), loadConfigWithoutHours(env)));
}
