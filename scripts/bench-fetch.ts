/**
 * `npm run bench:fetch`: what each Pivot endpoint costs in process, as a ratio to a minimal Hono
 * app answering the very same bytes and headers, measured in the same run. Each call is
 * `app.fetch(new Request(...))` plus reading the answer's text; the apps are the functions as
 * deployed on their own on Node and Lambda (serveStandalone, the owner's override wired to a
 * settings directory), and front-desk also as its own Worker runs it (standaloneWorker).
 * CPU time of this process in interleaved chunks: µs are the median chunk per app, the ratio the
 * median of each round's ratio (ours and the baseline ran back to back), so other work on a shared
 * machine counts far less. The log lines are written to a file, as a server's stdout would
 * be (LOG_LEVEL=info, the default), and the run is repeated with LOG_LEVEL=warn (no line for a
 * plain answer). Figures only: nothing is asserted.
 *   npm run bench:fetch -- [--rounds 15] [--calls 400] [--profile]   (--profile: only ours, for node --cpu-prof)
 */
import { Hono } from 'hono';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollectedApp } from '../functions/collected/app.js';
import { createFrontDeskApp, frontDeskHandler } from '../functions/front-desk/app.js';
import { createGatheredApp } from '../functions/gathered/app.js';
import { serveStandalone, standaloneWorker } from '../shared/http/standalone.js';
import { nodePlatform } from '../shared/platform/node.js';
import { fsSettingsStore } from '../shared/platform/settings-fs.js';
import { AUTHORIZATION, KAZOO_QUERY, ORIGIN, PIVOT_CALLS, frontDeskEnv, menuEnv } from './bench/pivot-calls.js';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ROUNDS = option('rounds', 15);
const CALLS = option('calls', 400);
const PROFILE = process.argv.includes('--profile');

const work = mkdtempSync(join(tmpdir(), 'pivot-edge-bench-fetch-'));
const logFile = openSync(join(work, 'log'), 'w');
let written = 0;
for (const level of ['info', 'warn', 'error'] as const) {
  console[level] = (line: unknown) => {
    written += writeSync(logFile, `${String(line)}\n`);
    if (written > 64 << 20) {
      ftruncateSync(logFile, 0);
      written = 0;
    }
  };
}

type Fetch = (request: Request) => Response | Promise<Response>;
interface Case {
  readonly name: string;
  readonly request: () => Request;
  readonly ours: Fetch;
  baseline?: Fetch;
}

const headers = { authorization: AUTHORIZATION };
const EXECUTION_CONTEXT = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
const get = (path: string) => () => new Request(`${ORIGIN}${path}`, { headers });
const postForm = () =>
  new Request(`${ORIGIN}/front-desk`, { method: 'POST', body: KAZOO_QUERY, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } });

function cases(logLevel: string): Case[] {
  const dir = join(work, `recordings-${logLevel}`);
  const options = { settings: fsSettingsStore };
  const frontDesk = serveStandalone('front-desk', createFrontDeskApp(nodePlatform(frontDeskEnv(dir, logLevel)), options)).fetch;
  // The same function as its own Worker runs it (no router, Hono's Context only); waitUntil is Node's here.
  const worker = standaloneWorker('front-desk', frontDeskHandler(nodePlatform(frontDeskEnv(dir, logLevel)), options));
  const frontDeskWorker = (request: Request) => worker.fetch(request, {}, EXECUTION_CONTEXT);
  const collected = serveStandalone('collected', createCollectedApp(nodePlatform(menuEnv(dir, logLevel)), options)).fetch;
  const gathered = serveStandalone('gathered', createGatheredApp(nodePlatform(menuEnv(dir, logLevel)), options)).fetch;
  return [
    { name: 'front-desk GET', request: get(PIVOT_CALLS['front-desk']), ours: frontDesk },
    { name: 'front-desk POST form', request: postForm, ours: frontDesk },
    { name: 'front-desk GET, Worker', request: get(PIVOT_CALLS['front-desk']), ours: frontDeskWorker },
    { name: 'collected GET', request: get(PIVOT_CALLS.collected), ours: collected },
    { name: 'gathered GET', request: get(PIVOT_CALLS.gathered), ours: gathered },
  ];
}

/** A minimal Hono app answering what `ours` answered, byte for byte, with the same headers. */
async function baselineFor(item: Case): Promise<Fetch> {
  const answer = await item.ours(item.request());
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`${item.name} answered ${answer.status}: ${body}`);
  const copied: Record<string, string> = {};
  answer.headers.forEach((value, name) => (copied[name] = value));
  const path = new URL(item.request().url).pathname;
  return new Hono().on(['GET', 'POST'], path, (c) => c.body(body, 200, copied)).fetch;
}

async function chunk(fetch: Fetch, request: () => Request): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await (await fetch(request())).text();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CALLS;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function measure(logLevel: string): Promise<void> {
  const all = cases(logLevel);
  for (const item of all) item.baseline = await baselineFor(item);
  const times = new Map(all.map((item) => [item.name, { ours: [] as number[], baseline: [] as number[] }]));
  for (const item of all) for (let i = 0; i < 3; i++) await chunk(item.ours, item.request); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const item of all) {
      const entry = times.get(item.name)!;
      // Alternate which goes first, so drift lands on both alike.
      if (round % 2 === 0) entry.ours.push(await chunk(item.ours, item.request));
      if (!PROFILE) entry.baseline.push(await chunk(item.baseline!, item.request));
      if (round % 2 === 1) entry.ours.push(await chunk(item.ours, item.request));
    }
  }
  console.log(`LOG_LEVEL=${logLevel}${logLevel === 'info' ? ' (the default; lines written to a file)' : ''}: CPU µs per call, median of ${ROUNDS} chunks of ${CALLS}`);
  for (const item of all) {
    const { ours, baseline } = times.get(item.name)!;
    // Each round's chunks ran back to back: the median of their ratios leaves drift and bursts out.
    const ratio = median(ours.map((us, round) => us / baseline[round]!));
    process.stdout.write(`  ${item.name.padEnd(22)} ours ${median(ours).toFixed(1).padStart(6)} µs   minimal Hono ${median(baseline).toFixed(1).padStart(6)} µs   ratio ${ratio.toFixed(2)}x\n`);
  }
}

// console.log is redirected with the rest: print figures straight to stdout.
console.log = (...parts: unknown[]) => void process.stdout.write(`${parts.join(' ')}\n`);
try {
  await measure('info');
  if (!PROFILE) await measure('warn');
} finally {
  closeSync(logFile);
  rmSync(work, { recursive: true, force: true });
}
