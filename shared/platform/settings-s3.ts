import type { SettingsSource } from '../override/types.js';
import { createS3BlobStore } from '../storage/s3.js';
import { s3OptionsOf } from './s3-env.js';

/** Lambda: settings in the S3 bucket RECORDINGS_BUCKET, next to the recordings; none without it. */
export const s3SettingsStore: SettingsSource = (env, config) => {
  const options = s3OptionsOf(env, config);
  return options === undefined ? undefined : createS3BlobStore(options);
};
