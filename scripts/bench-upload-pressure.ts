// npm run bench:upload-pressure [-- --uploads 50 --mb 20]
// Many large uploads at once against `npm start` in a process of its own (the issue's 50 x 20 MB):
// how many are stored, how many refused (503 Retry-After), what reached the disk, how long it took,
// and that the server is still up.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { uploads: { type: 'string', default: '50' }, mb: { type: 'string', default: '20' } } });
const uploads = Number(values.uploads);
const body = Buffer.alloc(Number(values.mb) * 1024 * 1024, 7);
const root = fileURLToPath(new URL('../', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-pressure-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);

const server = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/node-text-imports.mjs', 'server.ts'], {
  cwd: root,
  env: { PATH: process.env.PATH, TIMEZONE: 'UTC', RECORDINGS_DIR: dir, MAX_RECORDING_MB: String(Math.max(50, Number(values.mb))), LOG_LEVEL: 'error', PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let printed = '';
server.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
await new Promise<void>((resolve, reject) => {
  const waiting = setInterval(() => /listening on/.test(printed) && (clearInterval(waiting), resolve()), 50);
  server.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${printed}`)));
});

const started = Date.now();
const outcomes = await Promise.all(
  Array.from({ length: uploads }, (_, n) =>
    new Promise<string>((resolve) => {
      const put = request({ host: '127.0.0.1', port, path: `/recordings/pressure-${n}.mp3`, method: 'PUT', headers: { 'content-type': 'audio/mpeg', 'content-length': body.byteLength } }, (response) => {
        response.resume();
        response.on('end', () => resolve(`${response.statusCode}${response.headers['retry-after'] === undefined ? '' : ` (Retry-After: ${response.headers['retry-after']})`}`));
      });
      // A refused upload is answered before its body is sent; the socket then closes under the rest.
      put.on('socket', (socket) => socket.on('error', () => undefined));
      put.on('error', (error: NodeJS.ErrnoException) => resolve(`no answer (${error.code ?? error.message})`));
      put.end(body);
    }),
  ),
);
const ms = Date.now() - started;
const stored = await readdir(join(dir, 'audio')).catch(() => [] as string[]);
let bytes = 0;
for (const file of stored) bytes += (await stat(join(dir, 'audio', file))).size;
const leftovers = await readdir(join(dir, '.tmp')).catch(() => [] as string[]);
const counts = new Map<string, number>();
for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);

console.log(`${uploads} uploads of ${values.mb} MB at once against npm start, in ${ms} ms:`);
for (const [outcome, count] of counts) console.log(`  ${String(count).padStart(4)} × ${outcome}`);
console.log(`  written: ${stored.length} recordings, ${(bytes / 1024 / 1024).toFixed(0)} MB; left in .tmp: ${leftovers.length}; server still up: ${server.exitCode === null ? 'yes' : 'no'}`);
server.kill();
await rm(dir, { recursive: true, force: true });
