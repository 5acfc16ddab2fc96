import type { R2BucketLike } from '../storage/r2.js';

/**
 * The owner's settings on a Worker: `npm run deploy:workers` pushes them from `.env` (vars with
 * `--var`, secrets with `--secrets-file`) and `npm run dev:workers` binds them from `.env`, so
 * wrangler.toml declares none and every one may be absent. The config parser validates them.
 */
export interface WorkerSettings {
  readonly [variable: string]: unknown;
}

/**
 * `--env front-desk`, `--env collected`, `--env gathered`: settings, and the R2 bucket, from which
 * they only read the owner's hours override.
 */
export interface PivotWorkerEnv extends WorkerSettings {
  readonly RECORDINGS: R2BucketLike;
}

/** `--env recordings` and the default (all-in-one) environment: the same, writing to the bucket. */
export type RecordingsWorkerEnv = PivotWorkerEnv;

/** Any pivot-edge Worker's env (what code shared by all of them may assume): `wrangler types`' merged `Env`. */
export type AnyWorkerEnv = PivotWorkerEnv;

/**
 * Which Env type each wrangler environment has (`''` is the default environment);
 * `test/deploy/wrangler.test.ts` compares their bindings with `wrangler types` output.
 */
export interface WorkerEnvs {
  '': RecordingsWorkerEnv;
  'front-desk': PivotWorkerEnv;
  collected: PivotWorkerEnv;
  gathered: PivotWorkerEnv;
  recordings: RecordingsWorkerEnv;
}
