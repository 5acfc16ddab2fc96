// The local server of `npm start` on 127.0.0.1 with a temporary recordings directory, and a
// client that sends a request target exactly as given (no URL normalisation), the way Kazoo's
// HTTP client and FreeSWITCH's http_put put it on the wire.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer, type LocalServerOptions } from '../../functions/local/server.js';
import { ADMIN_TOKEN, PIVOT_TOKEN } from './recordings-helpers.js';

export interface Sent {
  readonly status: number;
  readonly body: string;
}

export async function localRecordings(extraEnv: Record<string, string> = {}, options: Pick<LocalServerOptions, 'uploads'> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-local-'));
  const env = { TIMEZONE: 'America/New_York', PIVOT_TOKEN, ADMIN_TOKEN, RECORDINGS_DIR: dir, PUBLIC_BASE_URL: 'https://pivot.example.com', ...extraEnv };
  const local = await startLocalServer(env, { port: 0, hostname: '127.0.0.1', quiet: true, ...options });
  const { hostname, port } = new URL(local.origin);

  /** Sends `target` (path and query, exactly as given) with the Pivot token as Basic auth. */
  const send = (method: string, target: string, body: Uint8Array | string, headers: Record<string, string> = {}): Promise<Sent> =>
    new Promise((resolve, reject) => {
      const data = typeof body === 'string' ? Buffer.from(body) : body;
      const req = httpRequest(
        { host: hostname, port, path: target, method, auth: `pivot:${PIVOT_TOKEN}`, headers: { 'content-length': data.byteLength, ...headers } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(data);
    });

  const list = async (): Promise<Record<string, unknown>[]> => {
    const response = await fetch(`${local.origin}/recordings?limit=100`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    return ((await response.json()) as { items: Record<string, unknown>[] }).items;
  };

  /** Every path under the recordings directory, relative to it. */
  const files = async (): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String).sort();

  return { dir, origin: local.origin, send, list, files, close: async () => (await local.close(), await rm(dir, { recursive: true, force: true })) };
}
