import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherer } from '../../shared/storage/coalesce.js';
import { byteLimit } from '../../shared/storage/limit.js';

const coalesced = (body: ReadableStream<Uint8Array>, size: number): ReadableStream<Uint8Array> => body.pipeThrough(byteLimit(1 << 30, undefined, gatherer(size)).stream);
import { createFsBlobStore } from '../../shared/storage/fs.js';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { BlobStore } from '../../shared/storage/types.js';
import { bytes, readAll, streamOf } from './contract.js';

async function pieceSizes(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const sizes: number[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) sizes.push(next.value.byteLength);
  return sizes;
}

describe('byteLimit with a gatherer', () => {
  it('gathers tiny pieces into full ones and keeps every byte in order', async () => {
    const data = bytes(150_000, 4);
    expect(await pieceSizes(coalesced(streamOf(data, 1), 65_536))).toEqual([65_536, 65_536, 18_928]);
    expect(Buffer.from(await readAll(coalesced(streamOf(data, 3), 1000))).equals(Buffer.from(data))).toBe(true);
    expect(await pieceSizes(coalesced(streamOf(data, 999), 1000))).toEqual(Array(150).fill(1000));
  });

  it('cuts large pieces to the same size, and gives an empty body as nothing', async () => {
    const data = bytes(200_000, 5);
    expect(await pieceSizes(coalesced(streamOf(data, 100_000), 65_536))).toEqual([65_536, 65_536, 65_536, 3_392]);
    expect(await pieceSizes(coalesced(streamOf(new Uint8Array(0)), 10))).toEqual([]);
  });

  it('fails with the source when the source fails', async () => {
    await expect(readAll(coalesced(streamOf(bytes(5000), 10, 2000), 1000))).rejects.toThrow('connection reset');
  });
});

describe('the recording store writes large pieces whatever the upload pieces', () => {
  it('hands the backend 64 KiB pieces for a body that came in 1-byte pieces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-coalesce-'));
    try {
      const fs = createFsBlobStore(dir);
      const writes: number[] = [];
      const spy: BlobStore = {
        ...fs,
        putStream: (key, body, options) =>
          fs.putStream(key, body.pipeThrough(new TransformStream({ transform: (chunk, c) => (writes.push(chunk.byteLength), c.enqueue(chunk)) })), options),
      };
      const data = bytes(200_000, 6);
      const meta = await createRecordingStore(spy).save({ callId: 'c', name: 'c.mp3', contentType: 'audio/mpeg' }, streamOf(data, 1), { maxBytes: 1 << 20 });
      expect(writes).toEqual([65_536, 65_536, 65_536, 3_392]);
      expect(meta.bytes).toBe(200_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
