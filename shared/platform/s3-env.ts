import type { Config } from '../config/types.js';
import type { S3Options } from '../storage/s3.js';

/**
 * The S3 bucket RECORDINGS_BUCKET, signed with the function role's credentials from the standard
 * AWS_* variables; `S3_ENDPOINT` points at an S3-compatible server. Undefined when any is missing.
 */
export function s3OptionsOf(env: Readonly<Record<string, unknown>>, config: Config): S3Options | undefined {
  const text = (name: string): string | undefined => (typeof env[name] === 'string' && env[name] !== '' ? (env[name] as string) : undefined);
  const accessKeyId = text('AWS_ACCESS_KEY_ID');
  const secretAccessKey = text('AWS_SECRET_ACCESS_KEY');
  if (config.recordingsBucket === undefined || accessKeyId === undefined || secretAccessKey === undefined) return undefined;
  const sessionToken = text('AWS_SESSION_TOKEN');
  const endpoint = text('S3_ENDPOINT');
  return {
    bucket: config.recordingsBucket,
    region: text('AWS_REGION') ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    ...(sessionToken === undefined ? {} : { sessionToken }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}
