import type { Config } from '../../shared/config/types.js';
import { PivotEdgeError } from '../../shared/errors.js';
import { s3OptionsOf } from '../../shared/platform/s3-env.js';
import { createS3BlobStore } from '../../shared/storage/s3.js';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { RecordingStore } from '../../shared/storage/types.js';

/**
 * Lambda: recordings in the S3 bucket RECORDINGS_BUCKET, signed with the function role's
 * credentials from the standard AWS_* variables. `S3_ENDPOINT` points at an S3-compatible server.
 */
export function s3RecordingStore(env: Readonly<Record<string, unknown>>, config: Config): RecordingStore {
  const options = s3OptionsOf(env, config);
  if (options === undefined) {
    throw new PivotEdgeError('storage_not_configured', 'RECORDINGS_BUCKET (and the AWS credentials of the role) must be set.', 503);
  }
  return createRecordingStore(createS3BlobStore(options));
}
