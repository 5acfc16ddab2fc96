import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../../shared/storage/fs.js';
import { blobContract, recordingContract, streamOf, bytes } from './contract.js';

const dirs: string[] = [];
async function fresh(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-fs-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

blobContract('filesystem', async () => createFsBlobStore(await fresh()));
recordingContract('filesystem', async () => createFsBlobStore(await fresh()));

describe('filesystem specifics', () => {
  it('refuses keys that could leave the root', async () => {
    const store = createFsBlobStore(await fresh());
    for (const key of ['../x', 'audio/../../x', '/etc/passwd', 'audio/a\\b', 'audio/.hidden', 'audio/a\0b', '']) {
      await expect(store.putBytes(key, 'x', 'text/plain')).rejects.toThrow(/unsafe storage key/);
    }
  });

  it('removes its temp file when a write fails', async () => {
    const dir = await fresh();
    const store = createFsBlobStore(dir);
    await expect(store.putStream('audio/x', streamOf(bytes(1000), 100, 500), { contentType: 'audio/mpeg' })).rejects.toThrow();
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
  });
});
