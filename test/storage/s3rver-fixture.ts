import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { createS3BlobStore } from '../../shared/storage/s3.js';
import type { BlobStore } from '../../shared/storage/types.js';

/** An s3rver on 127.0.0.1 (random port, temp dir) and a factory of fresh buckets on it. */
export async function startS3rver(): Promise<{
  readonly endpoint: string;
  createBucket(): Promise<string>;
  fresh(partSize?: number): Promise<BlobStore>;
  stop(): Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'pivot-edge-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' };
  const admin = new AwsClient({ ...credentials, service: 's3', retries: 0 });
  let count = 0;
  const createBucket = async (): Promise<string> => {
    const bucket = `test-${++count}`;
    const created = await admin.fetch(`${endpoint}/${bucket}`, { method: 'PUT' });
    if (!created.ok) throw new Error(`create bucket: ${created.status}`);
    return bucket;
  };
  return {
    endpoint,
    createBucket,
    async fresh(partSize) {
      const bucket = await createBucket();
      return createS3BlobStore({ ...credentials, bucket, endpoint, ...(partSize === undefined ? {} : { partSize }) });
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
