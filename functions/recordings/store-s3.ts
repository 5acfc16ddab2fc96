import type { Config } from '../../shared/config/types.js';
import { PivotEdgeError } from '../../shared/errors.js';
import { createS3BlobStore } from '../../shared/storage/s3.js';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { RecordingStore } from '../../shared/storage/types.js';

/**
 * Lambda: recordings in the S3 bucket RECORDINGS_BUCKET, signed with the function role's
 * credentials from the standard AWS_* variables. `S3_ENDPOINT` points at an S3-compatible server.
 */
export function s3RecordingStore(env: Readonly<Record<string, unknown>>, config: Config): RecordingStore {
  const text = (name: string): string | undefined => (typeof env[name] === 'string' && env[name] !== '' ? (env[name] as string) : undefined);
  const accessKeyId = text('AWS_ACCESS_KEY_ID');
  const secretAccessKey = text('AWS_SECRET_ACCESS_KEY');
  if (config.recordingsBucket === undefined || accessKeyId === undefined || secretAccessKey === undefined) {
    throw new PivotEdgeError('storage_not_configured', 'RECORDINGS_BUCKET (and the AWS credentials of the role) must be set.', 503);
  }
  const sessionToken = text('AWS_SESSION_TOKEN');
  const endpoint = text('S3_ENDPOINT');
  return createRecordingStore(
    createS3BlobStore({
      bucket: config.recordingsBucket,
      region: text('AWS_REGION') ?? 'us-east-1',
      accessKeyId,
      secretAccessKey,
      ...(sessionToken === undefined ? {} : { sessionToken }),
      ...(endpoint === undefined ? {} : { endpoint }),
    }),
  );
}
