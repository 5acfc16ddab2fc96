import { afterAll, beforeAll } from 'vitest';
import { blobContract, recordingContract } from './contract.js';
import { startS3rver } from './s3rver-fixture.js';

let s3: Awaited<ReturnType<typeof startS3rver>>;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(async () => {
  await s3?.stop();
});

blobContract('S3 (s3rver)', (partSize) => s3.fresh(partSize));
recordingContract('S3 (s3rver)', (partSize) => s3.fresh(partSize));
