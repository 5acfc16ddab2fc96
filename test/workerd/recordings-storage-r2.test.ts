import { env } from 'cloudflare:test';
import { createR2BlobStore } from '../../shared/storage/r2.js';
import { blobContract, recordingContract } from '../storage/contract.js';

// One bucket per run: each test starts by emptying it.
async function fresh(partSize: number) {
  for (let page = 0; page < 100; page++) {
    const { objects, truncated } = await env.RECORDINGS.list({ limit: 1000 });
    if (objects.length > 0) await env.RECORDINGS.delete(objects.map((object) => object.key));
    if (!truncated) break;
  }
  return createR2BlobStore(env.RECORDINGS, { partSize });
}

blobContract('R2 (workerd)', fresh);
recordingContract('R2 (workerd)', fresh);
