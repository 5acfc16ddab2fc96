// Uploads a 200 MB recording to the local server's recordings endpoint the way FreeSWITCH does
// (PUT with Content-Length), then once more chunked (no length), and prints the server's peak
// RSS growth for each; it must stay under 64 MB. The server runs in a child process (this file
// with --serve) so the client's own memory is not counted.
//   npm run bench:upload -- [--mb 200]   (tsx with the text-import hook: the server serves the inbox page)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_MB = 64;
const MiB = 1024 * 1024;

async function serveChild(): Promise<void> {
  const { startLocalServer } = await import('../functions/local/server.js');
  const env = { TIMEZONE: 'UTC', RECORDINGS_DIR: process.env.RECORDINGS_DIR ?? '', MAX_RECORDING_MB: '1024' };
  const server = await startLocalServer(env, { port: 0, hostname: '127.0.0.1', quiet: true });
  let baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  process.send?.({ port: Number(new URL(server.origin).port) });
  process.on('message', (message) => {
    if (message === 'reset') {
      global.gc?.();
      baseline = peak = process.memoryUsage().rss;
      process.send?.({ reset: true });
    } else if (message === 'report') {
      process.send?.({ baseline, peak });
    } else if (message === 'stop') {
      clearInterval(sampler);
      void server.close();
      process.disconnect();
    }
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

/** PUTs `total` bytes generated on the fly, 1 MiB at a time, honouring backpressure. */
function upload(port: number, name: string, total: number, withLength: boolean): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'audio/mpeg', 'user-agent': 'freeswitch-http-cache/1.0' };
    if (withLength) headers['content-length'] = total;
    const req = request({ host: '127.0.0.1', port, path: `/recordings/${name}`, method: 'PUT', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(MiB, 0x55);
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        const piece = chunk.subarray(0, Math.min(MiB, total - sent));
        sent += piece.byteLength;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

async function main(): Promise<void> {
  const mbArg = process.argv.indexOf('--mb');
  const mb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 200;
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-bench-'));
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    env: { ...process.env, RECORDINGS_DIR: dir },
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })));
  let failed = false;
  try {
    await upload(port, 'warmup.mp3', MiB, true);
    for (const withLength of [true, false]) {
      await ask(child, 'reset');
      const { status, ms } = await upload(port, `bench-${withLength ? 'length' : 'chunked'}.mp3`, mb * MiB, withLength);
      const { baseline, peak } = await ask<{ baseline: number; peak: number }>(child, 'report');
      const growth = (peak - baseline) / MiB;
      const ok = status === 201 && growth < LIMIT_MB;
      failed ||= !ok;
      console.log(
        `${withLength ? 'Content-Length' : 'chunked       '}: ${mb} MB -> HTTP ${status} in ${(ms / 1000).toFixed(2)} s ` +
          `(${((mb / ms) * 1000).toFixed(0)} MB/s); server RSS ${(baseline / MiB).toFixed(1)} -> peak ${(peak / MiB).toFixed(1)} MB, ` +
          `growth ${growth.toFixed(1)} MB (limit ${LIMIT_MB} MB) ${ok ? 'OK' : 'FAIL'}`,
      );
    }
  } finally {
    child.send('stop');
    await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv.includes('--serve')) void serveChild();
else void main();
