// Real servers for end-to-end tests: the local Node server, the all-in-one Worker under
// `wrangler dev`, and small stubs. Each starts on a free 127.0.0.1 port and cleans up after itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLocalServer } from '../../functions/local/server.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** `--import` value that runs TypeScript from any working directory. */
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface TestServer {
  /** Where the test reaches it: `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Everything the process printed (child processes only). */
  readonly output: () => string;
  /** What the server wrote to stdout alone (child processes; '' in process). */
  readonly stdout?: () => string;
  close(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The local server of `npm start`, in this process, with its recordings in a fresh folder. */
export async function nodeServer(env: Readonly<Record<string, string>>): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-call-'));
  const server = await startLocalServer({ ...env, RECORDINGS_DIR: dir }, { port: 0, hostname: '127.0.0.1', quiet: true });
  return {
    origin: server.origin,
    output: () => '',
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when `child` prints `ready`, rejects when it exits or `timeoutMs` passes. */
function waitFor(child: ChildProcess, output: () => string, ready: RegExp, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms:\n${output().slice(-2000)}`)), timeoutMs);
    const check = () => {
      if (ready.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output().slice(-2000)}`));
    });
  });
}

/** Start `args` in `dir`, wait for `ready` in its output, and hand back a server that stops it and removes `dir`. */
async function childServer(what: string, args: readonly string[], options: { dir: string; port: number; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number }): Promise<TestServer> {
  const child = spawn(process.execPath, args, { cwd: options.dir, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const output = () => text;
  await waitFor(child, output, options.ready, options.timeoutMs, what);
  return {
    origin: `http://127.0.0.1:${options.port}`,
    output,
    stdout: () => out,
    close: async () => {
      await stop(child);
      await rm(options.dir, { recursive: true, force: true });
    },
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * `npm start` as a child process: server.ts run from an empty folder (so no developer `.env` is
 * read), on a free port, recordings in a temp folder.
 */
export async function npmStartServer(env: Readonly<Record<string, string>>): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-start-'));
  const port = await freePort();
  // What `npm start` runs (package.json), with tsx's loader given by path: the cwd is the empty folder.
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
  if (start[0] !== 'tsx') throw new Error(`npm start is no longer tsx: ${start.join(' ')}`);
  const args = start.slice(1).map((arg) => (arg.startsWith('./') ? (arg.endsWith('.ts') ? join(ROOT, arg) : pathToFileURL(join(ROOT, arg)).href) : arg.endsWith('.ts') ? join(ROOT, arg) : arg));
  return childServer('npm start', ['--import', TSX, ...args], {
    dir,
    port,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1', RECORDINGS_DIR: join(dir, 'recordings') },
    ready: /listening on/,
    timeoutMs: 30_000,
  });
}

const SECRETS = new Set(['PIVOT_TOKEN', 'ADMIN_TOKEN']);

/**
 * The all-in-one Worker (wrangler.toml's default environment) under `wrangler dev`, fully local:
 * a config of its own in a temp folder (so no `.dev.vars` or `.env` of the developer is read),
 * `settings` as its vars (the tokens in that folder's `.dev.vars`, as the README says for local
 * secrets: wrangler prints plain vars), local R2 in that folder, free ports for the server and the inspector.
 */
export async function wranglerDevServer(settings: Readonly<Record<string, string>>): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-wrangler-'));
  const vars = Object.entries(settings).filter(([key]) => !SECRETS.has(key));
  const secrets = Object.entries(settings).filter(([key]) => SECRETS.has(key));
  await writeFile(join(dir, '.dev.vars'), secrets.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join('\n'));
  const [port, inspector] = [await freePort(), await freePort()];
  const toml = [
    'name = "pivot-edge-test"',
    `main = ${JSON.stringify(join(ROOT, 'functions/local/worker.ts'))}`,
    'compatibility_date = "2026-04-01"',
    'compatibility_flags = ["nodejs_compat"]',
    // As wrangler.toml: the page files are text modules.
    '[[rules]]',
    'type = "Text"',
    'globs = ["**/*.html", "**/*.css", "**/*.browser.js"]',
    'fallthrough = true',
    '[[r2_buckets]]',
    'binding = "RECORDINGS"',
    'bucket_name = "pivot-edge-test-recordings"',
    '[vars]',
    ...vars.map(([key, value]) => `${key} = ${JSON.stringify(value)}`),
  ].join('\n');
  await writeFile(join(dir, 'wrangler.toml'), toml);
  const wrangler = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  const args = [wrangler, 'dev', '--config', join(dir, 'wrangler.toml'), '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(inspector), '--persist-to', join(dir, 'state'), '--log-level', 'log', '--show-interactive-dev-session=false'];
  return childServer('wrangler dev', args, {
    dir,
    port,
    env: { PATH: process.env.PATH, HOME: dir, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: 'true' },
    ready: /Ready on http/,
    timeoutMs: 90_000,
  });
}

/** A plain HTTP server answering each request with `answer` (a stub of someone else's voice_url). */
export async function stubServer(answer: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<TestServer & { readonly requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push(`${request.method} ${request.url}`);
      answer(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, output: () => '', close: () => new Promise((resolve) => server.close(() => resolve())) };
}
