/**
 * `npm run bench:wire`: front-desk over the wire on the local server (`npm start`'s server,
 * @hono/node-server), as ratios to a bare node:http server answering the very same bytes and
 * headers, measured in the same run. wrk (`-t1 -c50 -d5s`) on core 1, every server on core 0
 * (`taskset`); rounds alternate which server goes first, and the median ratio is printed.
 * GET (Kazoo's first request, open, device, menu off) and a form POST (the bare server reads the
 * body first). Ours runs as in production: LOG_LEVEL=info, one JSON line per request written to a
 * file (the headline figure); GET also with LOG_LEVEL=warn (no line for a plain answer), and a
 * minimal Hono route on @hono/node-server for reference. Beside req/s, the server's own CPU time
 * per request (from /proc), which other load on a shared machine disturbs far less than req/s.
 * Figures only: nothing is asserted.
 *   npm run bench:wire -- [--rounds 3] [--seconds 5]
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AUTHORIZATION, KAZOO_QUERY, frontDeskEnv } from './bench/pivot-calls.js';
import type { CannedAnswer } from './bench/wire-server.js';

const run = promisify(execFile);
const CLOCK_TICKS = Number((await run('getconf', ['CLK_TCK'])).stdout.trim()) || 100;
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ROUNDS = option('rounds', 3);
const SECONDS = option('seconds', 5);
const PATH = `/front-desk?${KAZOO_QUERY}`;
const FORM = KAZOO_QUERY;

const work = mkdtempSync(join(tmpdir(), 'pivot-edge-bench-wire-'));
const children: ChildProcess[] = [];

interface Server {
  readonly url: string;
  /** The server's process id, to read the CPU time it spent (/proc/<pid>/stat). */
  readonly pid: number;
  /** The file its log lines go to (ours), emptied between runs so the disk does not fill. */
  readonly log?: string;
}

async function start(kind: 'ours' | 'bare' | 'hono', env: Record<string, string>, log?: string): Promise<Server> {
  const out = log === undefined ? 'ignore' : openSync(log, 'w');
  const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', '--import', './scripts/node-text-imports.mjs', 'scripts/bench/wire-server.ts', kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, 'inherit', 'ipc'],
  });
  if (typeof out === 'number') closeSync(out);
  children.push(child);
  const [message] = (await once(child, 'message')) as [{ port: number }];
  // taskset execs node in place: the child's pid is the server's.
  return { url: `http://127.0.0.1:${message.port}`, pid: child.pid!, ...(log === undefined ? {} : { log }) };
}

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly timeouts: number;
  /** The server's CPU time per request (user + system), µs: what a request costs, whatever else the machine does. */
  readonly cpuUs: number;
}

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const ms = (value: string, unit: string) => Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);

/** One wrk run (core 1) against `server`. */
async function load(server: Server, method: 'GET' | 'POST', seconds: number): Promise<Figures> {
  if (server.log !== undefined) writeFileSync(server.log, '');
  const cpuBefore = cpuSeconds(server.pid);
  const args = ['-c', '1', 'wrk', '-t1', '-c50', `-d${seconds}s`, '--latency', '-H', `Authorization: ${AUTHORIZATION}`];
  if (method === 'POST') args.push('-s', join(work, 'post.lua'));
  const { stdout } = await run('taskset', [...args, `${server.url}${PATH.split('?')[0]}${method === 'GET' ? `?${KAZOO_QUERY}` : ''}`]);
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1]);
  const bad = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1];
  if (bad !== undefined) throw new Error(`wrk against ${server.url}: ${bad} answers were not 200`);
  // wrk gives up on a request after 2 s: on a busy shared machine a few may; they are counted, not hidden.
  const timeouts = Number(/Socket errors:.*timeout (\d+)/.exec(stdout)?.[1] ?? 0);
  const latency = (share: string) => {
    const match = new RegExp(`\\s${share}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    return match === null ? NaN : ms(match[1]!, match[2]!);
  };
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]), p50: latency('50'), p99: latency('99'), timeouts, cpuUs: (cpu * 1e6) / requests };
}

/** Ours's answer (body and headers), for the bare servers to send byte for byte. */
async function capture(server: Server, method: 'GET' | 'POST'): Promise<CannedAnswer> {
  const init = method === 'GET' ? {} : { method, body: FORM, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  const response = await fetch(`${server.url}${method === 'GET' ? PATH : '/front-desk'}`, { ...init, headers: { ...init.headers, authorization: AUTHORIZATION } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`ours answered ${method} with ${response.status}: ${body}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) headers[name] = value;
  return { body, headers };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const show = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(2).padStart(5)} ms  p99 ${f.p99.toFixed(2).padStart(6)} ms  server CPU ${f.cpuUs.toFixed(1).padStart(5)} µs/request${f.timeouts === 0 ? '' : `  (${f.timeouts} timed out)`}`;

/** Alternating rounds of `contenders` against `bare`; the median ratio of each to bare, same round. */
async function compare(title: string, method: 'GET' | 'POST', bare: Server, contenders: Readonly<Record<string, Server>>): Promise<Record<string, number>> {
  console.log(`${title}`);
  const all = { bare, ...contenders };
  for (const server of Object.values(all)) await load(server, method, 1); // warm-up
  const ratios: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const cpuRatios: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = Object.entries(all);
    if (round % 2 === 1) order.reverse();
    const figures: Record<string, Figures> = {};
    for (const [name, server] of order) figures[name] = await load(server, method, SECONDS);
    const base = figures['bare']!;
    const parts = [`bare ${show(base)}`];
    for (const name of Object.keys(contenders)) {
      ratios[name]!.push(figures[name]!.rps / base.rps);
      cpuRatios[name]!.push(base.cpuUs / figures[name]!.cpuUs);
      parts.push(`${name} ${show(figures[name]!)} (${(figures[name]!.rps / base.rps).toFixed(2)}x)`);
    }
    console.log(`  round ${round + 1}: ${parts.join('\n           ')}`);
  }
  const result = Object.fromEntries(Object.entries(ratios).map(([name, values]) => [name, median(values)]));
  for (const [name, ratio] of Object.entries(result)) {
    console.log(`  ${title.split(':')[0]} ${name} / bare: median ratio ${ratio.toFixed(2)}x req/s, ${median(cpuRatios[name]!).toFixed(2)}x by server CPU per request (bare's µs / ours)`);
  }
  return result;
}

try {
  writeFileSync(join(work, 'post.lua'), `wrk.method = "POST"\nwrk.body = "${FORM}"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n`);
  const info = await start('ours', frontDeskEnv(join(work, 'recordings'), 'info'), join(work, 'info.log'));
  const warn = await start('ours', frontDeskEnv(join(work, 'recordings'), 'warn'), join(work, 'warn.log'));
  const get = await capture(info, 'GET');
  const post = await capture(info, 'POST');
  const bareGet = await start('bare', { BENCH_ANSWER: JSON.stringify(get) });
  const barePost = await start('bare', { BENCH_ANSWER: JSON.stringify(post) });
  const hono = await start('hono', { BENCH_ANSWER: JSON.stringify(get) });
  console.log(`wrk -t1 -c50 -d${SECONDS}s on core 1, servers on core 0, ${ROUNDS} alternating rounds; answer ${Buffer.byteLength(get.body)} B ${get.headers['content-type']}`);
  await compare('GET /front-desk: ours (LOG_LEVEL=info, log to a file), ours (LOG_LEVEL=warn), minimal Hono on @hono/node-server, vs bare node:http', 'GET', bareGet, { 'ours-info': info, 'ours-warn': warn, 'minimal-hono': hono });
  await compare('POST /front-desk (form): ours (LOG_LEVEL=info, log to a file) vs bare node:http reading the body first', 'POST', barePost, { 'ours-info': info });
} finally {
  for (const child of children) child.kill();
  await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
  rmSync(work, { recursive: true, force: true });
}
