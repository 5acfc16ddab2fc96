import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createRecordingsApp } from '../../functions/recordings/app.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import type { AppEnv, Platform } from '../../shared/http/index.js';
import { nodePlatform } from '../../shared/platform/node.js';

export const PIVOT_TOKEN = 'pivot-secret-1';
export const ADMIN_TOKEN = 'admin-secret-2';
export const BASIC = `Basic ${btoa(`pivot:${PIVOT_TOKEN}`)}`;
export const BEARER = `Bearer ${ADMIN_TOKEN}`;

/** The recordings app mounted at /recordings as the local server does, on a temp directory. */
export async function recordingsHarness(extraEnv: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-rec-'));
  const env: Record<string, string> = {
    TIMEZONE: 'America/New_York',
    PIVOT_TOKEN,
    ADMIN_TOKEN,
    RECORDINGS_DIR: dir,
    MAX_RECORDING_MB: '1',
    PUBLIC_BASE_URL: 'https://pivot.example.com',
    ...extraEnv,
  };
  for (const [key, value] of Object.entries(env)) if (value === '') delete env[key];
  const background: Promise<unknown>[] = [];
  const platform: Platform = { ...nodePlatform(env), waitUntil: (_c, work) => void background.push(work) };
  const app = new Hono<AppEnv>().route('/recordings', createRecordingsApp(platform, { store: fsRecordingStore }));
  return {
    dir,
    app,
    request: (path: string, init: RequestInit = {}) => app.request(`https://pivot.example.com${path}`, init),
    settled: () => Promise.all(background.splice(0)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A webhook receiver on 127.0.0.1 that fails the first `failures` requests with 500. */
export async function webhookReceiver(failures = 0) {
  const received: { body: unknown; headers: IncomingMessage['headers'] }[] = [];
  let seen = 0;
  const server = createServer((req, res) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => {
      seen++;
      if (seen <= failures) {
        res.writeHead(500).end();
        return;
      }
      received.push({ body: JSON.parse(data), headers: req.headers });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    attempts: () => seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
