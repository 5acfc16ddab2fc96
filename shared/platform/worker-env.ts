import type { R2BucketLike } from '../storage/r2.js';

/**
 * The vars of every pivot-edge Worker, exactly as `wrangler.toml` declares them (each
 * environment repeats the same block). Values are the owner's, so they are plain strings;
 * `test/deploy/worker-env.test.ts` compares these types with `wrangler types` output.
 */
export interface WorkerVars {
  TIMEZONE: string;
  BUSINESS_HOURS: string;
  FORCE_STATE: string;
  RESPONSE_FORMAT: string;
  FRONT_DESK_DEVICE_ID: string;
  FRONT_DESK_USER_ID: string;
  FRONT_DESK_NUMBER: string;
  RING_TIMEOUT: string;
  VOICEMAIL_BOX_ID: string;
  GREETING_OPEN: string;
  GREETING_CLOSED: string;
  TTS_VOICE: string;
  TTS_LANGUAGE: string;
  MENU: string;
  MENU_PROMPT: string;
  MENU_RETRIES: string;
  RECORDING_FORMAT: string;
  MAX_RECORDING_SECONDS: string;
  MAX_RECORDING_MB: string;
  RETENTION_DAYS: string;
  NOTIFY_WEBHOOK_URL: string;
  NOTIFY_FORMAT: string;
  PUBLIC_BASE_URL: string;
  FRONT_DESK_URL: string;
  COLLECTED_URL: string;
  GATHERED_URL: string;
  RECORDINGS_URL: string;
  DEFAULT_COUNTRY_CODE: string;
  VIP_NUMBERS: string;
  VIP_TARGET: string;
  BLOCKED_NUMBERS: string;
  BLOCK_ANONYMOUS: string;
  CALLER_LOOKUP_URL: string;
  CALLER_LOOKUP_METHOD: string;
  CALLER_LOOKUP_TIMEOUT_MS: string;
  CALLER_LOOKUP_CACHE_SECONDS: string;
  CALLER_LOOKUP_OVERRIDES: string;
}

/** Set with `wrangler secret put` (or `.dev.vars` locally); absent until the owner sets them. */
export interface WorkerSecrets {
  PIVOT_TOKEN?: string;
  ADMIN_TOKEN?: string;
  CALLER_LOOKUP_AUTH?: string;
}

/** `--env front-desk`, `--env collected`, `--env gathered`: vars and secrets, no bindings. */
export interface PivotWorkerEnv extends WorkerVars, WorkerSecrets {}

/** `--env recordings` and the default (all-in-one) environment: plus the R2 bucket. */
export interface RecordingsWorkerEnv extends PivotWorkerEnv {
  RECORDINGS: R2BucketLike;
}

/** Any pivot-edge Worker's env (what code shared by all of them may assume): `wrangler types`' merged `Env`. */
export interface AnyWorkerEnv extends PivotWorkerEnv {
  RECORDINGS?: R2BucketLike;
}

/** Which Env type each wrangler environment has (`''` is the default environment). */
export interface WorkerEnvs {
  '': RecordingsWorkerEnv;
  'front-desk': PivotWorkerEnv;
  collected: PivotWorkerEnv;
  gathered: PivotWorkerEnv;
  recordings: RecordingsWorkerEnv;
}
