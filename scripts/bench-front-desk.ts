/**
 * `npm run bench:front-desk`: requests per second and latency of front-desk on the local server,
 * run in its own process (loopback only, 10 connections per run). Then the caller lookup: against
 * a receiver that answers in 50 ms (asked on every call, and answered from the cache) and one that
 * never answers, each beside a baseline without a lookup measured in the same run. Figures only:
 * nothing here is asserted. `--lookup-only`: only the lookup figures (`npm run bench` takes the
 * request rate against a bare server from bench-wire.ts).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { memoryCache } from '../shared/callers/cache.js';
import { callerLookup } from '../shared/callers/lookup.js';

const QUERY =
  'Account-ID=4b8c0d0e0f101112131415161718191a&Call-ID=abc123%40192.168.1.2&Caller-ID-Name=Alice+Smith' +
  '&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&To=5000&To-Realm=sip.example.com';
const TOKEN = 'bench-token-0123456789';
const BUDGET_MS = 1500;
const env = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 08:30-12:00,13:00-17:30; Sa 10:00-14:00; Dec 25 off "Christmas"; Nov Th[4] off "Thanksgiving"',
  FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  PUBLIC_BASE_URL: 'https://pivot.example.com',
  PIVOT_TOKEN: TOKEN,
  HOST: '127.0.0.1',
  PORT: '18787',
};

interface Figures {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** Start the local server with `extra` env in its own process, load it, stop it. */
async function measure(extra: Record<string, string>, seconds: number, connections = 10): Promise<Figures> {
  const server = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/node-text-imports.mjs', 'server.ts'], {
    env: { ...process.env, ...env, ...extra },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [firstLine] = (await once(server.stdout, 'data')) as [Buffer];
  const origin = /listening on (\S+)/.exec(firstLine.toString())?.[1] ?? `http://127.0.0.1:${env.PORT}`;
  const url = `${origin}/front-desk?${QUERY}&token=${TOKEN}`;
  await autocannon({ url, connections, duration: 1 }); // warm-up
  const { requests, latency, non2xx, errors } = await autocannon({ url, connections, duration: seconds });
  server.kill();
  await once(server, 'exit');
  return { requests: requests.average, p50: latency.p50, p99: latency.p99, max: latency.max, non2xx, errors };
}

const line = (name: string, figures: Figures, baseline?: Figures) =>
  `${name.padEnd(44)} ${figures.requests.toFixed(0).padStart(6)} req/s  p50 ${String(figures.p50).padStart(5)} ms  p99 ${String(figures.p99).padStart(5)} ms  ` +
  `max ${String(figures.max).padStart(5)} ms  non-2xx ${figures.non2xx}, errors ${figures.errors}` +
  (baseline === undefined ? '' : `  (p50 x${(figures.p50 / Math.max(baseline.p50, 1)).toFixed(1)}, p99 x${(figures.p99 / Math.max(baseline.p99, 1)).toFixed(1)} vs baseline)`);

// The lookup service runs in a process of its own: in this one, autocannon's work would delay its
// timers and be counted as lookup latency.
const RECEIVER = `
  const delay = process.argv[1];
  const server = require('node:http').createServer((request, response) => {
    if (delay === 'never') return;
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"name":"Sally","route":"default"}'), Number(delay));
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** A lookup service on 127.0.0.1 answering after `delayMs`, or never. */
async function receiver(delayMs: number | 'never'): Promise<{ readonly url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', RECEIVER, String(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    url: `http://127.0.0.1:${port.toString().trim()}/who`,
    stop: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

if (!process.argv.includes('--lookup-only')) {
  for (const format of ['callflow', 'twiml'] as const) {
    console.log(line(`front-desk ${format}`, await measure({ RESPONSE_FORMAT: format }, 5)));
  }
}

const baseline = await measure({}, 5);
console.log(line('baseline (no lookup)', baseline));
const fast = await receiver(50);
console.log(line('lookup answering in 50 ms, no cache', await measure({ CALLER_LOOKUP_URL: fast.url, CALLER_LOOKUP_CACHE_SECONDS: '0' }, 5), baseline));
console.log(line('lookup answering in 50 ms, cached', await measure({ CALLER_LOOKUP_URL: fast.url }, 5), baseline));
await fast.stop();
const silent = await receiver('never');
// Every call waits out the whole budget, so a longer run gives p99 enough samples (about 100).
// More connections would not: their answers all come due together and queue behind each other.
const never = await measure({ CALLER_LOOKUP_URL: silent.url, CALLER_LOOKUP_CACHE_SECONDS: '0', CALLER_LOOKUP_TIMEOUT_MS: String(BUDGET_MS) }, 15);
console.log(line(`lookup never answering (budget ${BUDGET_MS} ms), no cache`, never, baseline));
console.log(`  past the budget: p50 ${never.p50 - BUDGET_MS} ms, p99 ${never.p99 - BUDGET_MS} ms, max ${never.max - BUDGET_MS} ms (baseline p99 ${baseline.p99} ms)`);
// The lookup client alone, in this process: how far past the budget it settles, without the
// server's own queueing (100 lookups, 20 at a time).
const lookup = callerLookup(memoryCache(), () => undefined);
const config = { url: silent.url, method: 'get', timeoutMs: BUDGET_MS, cacheSeconds: 0, overrides: false } as const;
const query = { caller_number: '+14155550100', caller_number_as_sent: null, caller_name: null, dialled: null, call_id: null, state: 'open', reason: null } as const;
const overruns: number[] = [];
for (let wave = 0; wave < 5; wave += 1) {
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      const started = performance.now();
      await lookup(config, query);
      overruns.push(performance.now() - started - BUDGET_MS);
    }),
  );
}
overruns.sort((a, b) => a - b);
const at = (share: number) => (overruns[Math.min(overruns.length - 1, Math.floor(share * overruns.length))] ?? 0).toFixed(1);
console.log(`lookup client alone, never answered: past the budget p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
await silent.stop();
