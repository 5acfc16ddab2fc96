import type { SettingsReaderSource, SettingsSource } from '../override/types.js';
import { createR2BlobStore, r2Text, type R2BucketLike } from '../storage/r2.js';

const bucketOf = (env: Readonly<Record<string, unknown>>): R2BucketLike | undefined => {
  const bucket = env.RECORDINGS as R2BucketLike | undefined;
  return bucket !== undefined && typeof bucket.get === 'function' ? bucket : undefined;
};

/** Workers: settings in the R2 binding `RECORDINGS`, next to the recordings; none without the binding. */
export const r2SettingsStore: SettingsSource = (env) => {
  const bucket = bucketOf(env);
  return bucket === undefined ? undefined : createR2BlobStore(bucket);
};

/** The same, read only: front-desk, collected and gathered only read the override (and stay small). */
export const r2SettingsReader: SettingsReaderSource = (env) => {
  const bucket = bucketOf(env);
  return bucket === undefined ? undefined : { getText: (key) => r2Text(bucket, key) };
};
