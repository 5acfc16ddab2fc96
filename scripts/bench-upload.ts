// Uploads a 200 MB recording to the local server's recordings endpoint the way FreeSWITCH does
// (PUT with Content-Length), then once more chunked (no length), and prints the server's peak
// RSS growth for each; it must stay under 64 MB. The server runs in a child process (this file
// with --serve) so the client's own memory is not counted.
// Then the CPU cost of small pieces: the server's CPU seconds for 1 MB sent as 1-byte HTTP chunks,
// raw and multipart/form-data, each against the same 1 MB in 64 KB chunks, and against the floor
// (a bare Node HTTP server in the same process draining the same 1-byte chunks), same run.
//   npm run bench:upload -- [--mb 200] [--only memory|cpu]   (tsx with the text-import hook: the server serves the inbox page)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
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
  // The floor: what Node's own HTTP parsing of the same body costs, with nothing of ours behind it.
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(201).end());
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: Number(new URL(server.origin).port), barePort: (bare.address() as { port: number }).port });
  process.on('message', (message) => {
    if (message === 'reset') {
      global.gc?.();
      baseline = peak = process.memoryUsage().rss;
      process.send?.({ reset: true });
    } else if (message === 'report') {
      process.send?.({ baseline, peak });
    } else if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuSeconds: (user + system) / 1e6 });
    } else if (message === 'stop') {
      clearInterval(sampler);
      bare.close();
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

/** `data` framed as HTTP/1.1 chunked transfer coding in pieces of `piece` bytes, plus the last chunk. */
function chunked(data: Uint8Array, piece: number): Buffer {
  const frames: Buffer[] = [];
  for (let offset = 0; offset < data.byteLength; offset += piece) {
    const slice = data.subarray(offset, offset + piece);
    frames.push(Buffer.from(`${slice.byteLength.toString(16)}\r\n`), Buffer.from(slice), Buffer.from('\r\n'));
  }
  frames.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(frames);
}

/** Sends one pre-framed chunked request over a raw socket (so the client does no per-piece work); the socket stays open until the answer, as a half-close would abort the upload. */
function sendRaw(port: number, head: string, framed: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${head}\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`);
      socket.write(framed);
    });
    let reply = '';
    socket.on('data', (data: Buffer) => (reply += data.toString('latin1')));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

/** Server CPU seconds to receive 1 MiB in `piece`-byte HTTP chunks, raw or as multipart/form-data. */
async function cpuFor(child: ChildProcess, port: number, piece: number, multipart: boolean): Promise<{ status: number; cpuSeconds: number }> {
  const audio = Buffer.alloc(MiB, 0x55);
  let head = 'PUT /recordings/bench-cpu.mp3 HTTP/1.1\r\nContent-Type: audio/mpeg';
  let body: Buffer = audio;
  if (multipart) {
    const boundary = '----bench7MA4YWxkTrZu0gW';
    head = `POST /recordings HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=${boundary}`;
    body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="call_id"\r\n\r\nbench\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="call_recording_bench.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`),
      audio,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  }
  const framed = chunked(body, piece);
  const before = await ask<{ cpuSeconds: number }>(child, 'cpu');
  const status = await sendRaw(port, head, framed);
  const after = await ask<{ cpuSeconds: number }>(child, 'cpu');
  return { status, cpuSeconds: after.cpuSeconds - before.cpuSeconds };
}

async function cpuFigures(child: ChildProcess, port: number, barePort: number): Promise<boolean> {
  let ok = true;
  for (const multipart of [false, true]) {
    await cpuFor(child, port, 64 * 1024, multipart); // warm-up
    const baseline = await cpuFor(child, port, 64 * 1024, multipart);
    const small = await cpuFor(child, port, 1, multipart);
    const floor = await cpuFor(child, barePort, 1, multipart);
    ok &&= baseline.status === 201 && small.status === 201;
    const ratio = (a: number, b: number): string => `${(a / Math.max(b, 0.001)).toFixed(1)}x`;
    console.log(
      `${multipart ? 'multipart     ' : 'raw           '}: 1 MB in 1-byte pieces -> HTTP ${small.status}, server CPU ${small.cpuSeconds.toFixed(3)} s ` +
        `(${ratio(small.cpuSeconds, floor.cpuSeconds)} the floor: bare Node HTTP draining the same pieces, ${floor.cpuSeconds.toFixed(3)} s); ` +
        `in 64 KB pieces -> HTTP ${baseline.status}, ${baseline.cpuSeconds.toFixed(3)} s (1-byte pieces ${ratio(small.cpuSeconds, baseline.cpuSeconds)})`,
    );
  }
  return ok;
}

async function main(): Promise<void> {
  const mbArg = process.argv.indexOf('--mb');
  const mb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 200;
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-bench-'));
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    env: { ...process.env, RECORDINGS_DIR: dir },
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port, barePort } = await new Promise<{ port: number; barePort: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number; barePort: number })));
  let failed = false;
  try {
    await upload(port, 'warmup.mp3', MiB, true);
    for (const withLength of only === 'cpu' ? [] : [true, false]) {
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
    if (only !== 'memory') failed = !(await cpuFigures(child, port, barePort)) || failed;
  } finally {
    child.send('stop');
    await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv.includes('--serve')) void serveChild();
else void main();
