import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createR2BlobStore } from '../../shared/storage/r2.js';
import { blobContract, bytes, recordingContract, streamOf } from '../storage/contract.js';

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

describe('R2 with a declared length', () => {
  it('refuses a shorter or longer body before committing anything (400 upload_incomplete)', async () => {
    const store = await fresh(5 * 1024 * 1024);
    await expect(store.putStream('audio/short', streamOf(bytes(1000)), { contentType: 'audio/mpeg', length: 2000 })).rejects.toMatchObject({ status: 400, code: 'upload_incomplete' });
    await expect(store.putStream('audio/long', streamOf(bytes(3000), 1000), { contentType: 'audio/mpeg', length: 2000 })).rejects.toMatchObject({ status: 400, code: 'upload_incomplete' });
    expect(await store.putStream('audio/exact', streamOf(bytes(2000), 700), { contentType: 'audio/mpeg', length: 2000 })).toBe(2000);
    expect((await store.list('audio/', { limit: 10 })).items.map((item) => [item.key, item.size])).toEqual([['audio/exact', 2000]]);
  });
});
