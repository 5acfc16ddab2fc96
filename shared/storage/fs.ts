import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { BlobInfo, BlobStore, ByteRange } from './types.js';

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * BlobStore on the local filesystem under `root` (created on first write). Writes go to
 * `<root>/.tmp/` and are renamed into place after fsync, so a reader sees all or nothing.
 */
export function createFsBlobStore(root: string): BlobStore {
  const tmpDir = join(root, '.tmp');

  function pathOf(key: string): string {
    const segments = key.split('/');
    // Keys are built by store.ts from sanitized parts; this is the last line against traversal.
    if (!segments.every((segment) => SEGMENT.test(segment))) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
    return join(root, ...segments);
  }

  async function commit(tmp: string, key: string): Promise<void> {
    const target = pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await rename(tmp, target);
  }

  return {
    async putStream(key, body) {
      const target = pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      const file = await open(tmp, 'wx');
      let bytes = 0;
      try {
        const reader = body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          await file.write(value);
          bytes += value.byteLength;
        }
        await file.sync();
        await file.close();
      } catch (error) {
        await file.close().catch(() => undefined);
        await unlink(tmp).catch(() => undefined);
        throw error;
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(tmp, target);
      return bytes;
    },

    async putBytes(key, data) {
      pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      await writeFile(tmp, data, { flag: 'wx' });
      await commit(tmp, key);
    },

    async getStream(key, range?: ByteRange) {
      const file = await open(pathOf(key), 'r').catch(missing);
      if (file === null) return null;
      const stream = file.createReadStream(
        range === undefined ? {} : { start: range.offset, end: range.offset + range.length - 1 },
      );
      return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
    },

    async getText(key) {
      return readFile(pathOf(key), 'utf8').catch(missing);
    },

    async list(prefix, { startAfter, limit }) {
      const slash = prefix.lastIndexOf('/');
      const dir = prefix.slice(0, slash);
      const namePrefix = prefix.slice(slash + 1);
      const names = ((await readdir(pathOf(dir)).catch(missing)) ?? [])
        .filter((name) => name.startsWith(namePrefix) && !name.startsWith('.'))
        .map((name) => `${dir}/${name}`)
        .filter((key) => startAfter === undefined || key > startAfter)
        .sort();
      const page = names.slice(0, limit);
      const items = await Promise.all(
        page.map(async (key): Promise<BlobInfo | null> => {
          const info = await stat(pathOf(key)).catch(missing);
          return info === null ? null : { key, size: info.size, modified: info.mtime };
        }),
      );
      return { items: items.filter((item): item is BlobInfo => item !== null), truncated: names.length > limit };
    },

    async delete(keys) {
      for (const key of keys) await unlink(pathOf(key)).catch(missing);
    },
  };
}

function missing(error: unknown): null {
  if ((error as { code?: string }).code === 'ENOENT') return null;
  throw error;
}
