/**
 * `npm run bench:cold`: the cold start of each Lambda bundle (dist/lambda/<endpoint>/index.mjs, built
 * here by the same esbuild build into a temp dir): a fresh plain `node` process imports the bundle and
 * answers the first Function URL event (scripts/bench-cold/first-event.mjs). Against the baseline, a
 * minimal Hono app on hono/aws-lambda answering one JSON action (scripts/bench-cold/minimal-lambda.ts),
 * bundled the same way. Subjects take turns round by round (interleaved), the median of each is
 * compared with the baseline's of the same run. Recordings stores a real upload in a local S3
 * (s3rver on 127.0.0.1); sibling Function URL lookups go to a local stub of the Lambda API, wired as
 * template.yaml wires them, and are counted.
 */
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { functionUrlEvent } from '../test/lambda/function-url-event.js';
import { buildLambdas, bundleLambda, DEBUG_DIR, ENDPOINTS, hasLambdaEntry } from './build-lambda.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);
export const COLD_COMMAND = 'npm run bench:cold';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const KAZOO_QUERY = 'Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=cold%40192.168.1.2&Caller-ID-Number=%2B14155550100&Caller-ID-Name=Sally&Direction=inbound&From=%2B14155550100&To=5000&Request=5000';
const PIVOT = { authorization: `Basic ${Buffer.from('pivot:pivot-secret').toString('base64')}` };

/** One subject: which bundle, which first event, what it is. */
interface Subject {
  readonly name: string;
  readonly bundle: string;
  readonly event: object;
  /** The status its first answer must have (a failed answer is no cold start). */
  readonly status: number;
  /** Without RECORDINGS_BUCKET: no settings store, so no read of the owner's switch (our code alone). */
  readonly noStore?: boolean;
}

export interface ColdStartRow {
  readonly name: string;
  /** Median milliseconds from before the import to the first answer. */
  readonly medianMs: number;
  /** medianMs over the baseline's median of the same run. */
  readonly ratio: number;
  /** GetFunctionUrlConfig calls per cold start (the sibling URLs template.yaml has it look up). */
  readonly lookups: number;
  readonly samples: readonly number[];
}

export interface ColdStartReport {
  readonly runs: number;
  readonly baseline: ColdStartRow;
  readonly rows: readonly ColdStartRow[];
  readonly command: string;
}

/** Builds the bundles, runs `runs` interleaved rounds (after one unrecorded warm-up) and returns the medians. */
export async function benchColdStarts({ runs = 7 }: { readonly runs?: number } = {}): Promise<ColdStartReport> {
  const work = await mkdtemp(join(tmpdir(), 'pivot-edge-bench-cold-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(work, 's3') });
  let lookups = 0;
  // The Lambda API's GetFunctionUrlConfig, answered at once: what is measured is our side of it.
  const lambdaApi = createServer((request, response) => {
    request.resume();
    if (request.url?.startsWith('/2021-10-31/functions/')) lookups += 1;
    const name = decodeURIComponent(request.url?.split('/')[3] ?? 'x');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ FunctionUrl: `https://${name}.lambda-url.us-east-1.on.aws/`, AuthType: 'NONE' }));
  });
  try {
    const endpoints = ENDPOINTS.filter(hasLambdaEntry);
    await buildLambdas(endpoints, work);
    await bundleLambda('scripts/bench-cold/minimal-lambda.ts', join(work, 'minimal'), join(work, DEBUG_DIR, 'minimal'));
    const { port } = await s3.run();
    const s3Endpoint = `http://127.0.0.1:${port}`;
    const created = await new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', service: 's3' }).fetch(`${s3Endpoint}/voicemail`, { method: 'PUT' });
    if (!created.ok) throw new Error(`s3rver: create bucket: HTTP ${created.status}`);
    const lambdaApiOrigin = await listen(lambdaApi);
    const audio = await readFile(join(root, 'tools/doctor/test-message.mp3'));

    const bundle = (name: string): string => join(work, name, 'index.mjs');
    const baseline: Subject = { name: 'minimal Hono (baseline)', bundle: bundle('minimal'), event: functionUrlEvent({ method: 'GET', query: KAZOO_QUERY, headers: PIVOT }), status: 200 };
    const pivot: Subject[] = [
      { name: 'front-desk GET', bundle: bundle('front-desk'), event: functionUrlEvent({ method: 'GET', query: KAZOO_QUERY, headers: PIVOT }), status: 200 },
      {
        name: 'collected POST (key 1)',
        bundle: bundle('collected'),
        event: functionUrlEvent({ method: 'POST', query: 'attempt=0', body: `${KAZOO_QUERY}&Digits[menu]=1`, headers: { ...PIVOT, 'content-type': 'application/x-www-form-urlencoded' } }),
        status: 200,
      },
      {
        name: 'gathered POST (key 1)',
        bundle: bundle('gathered'),
        event: functionUrlEvent({ method: 'POST', query: 'attempt=0', body: 'CallSid=cold&From=%2B14155550100&To=5000&Digits=1', headers: { ...PIVOT, 'content-type': 'application/x-www-form-urlencoded' } }),
        status: 200,
      },
    ];
    const subjects: Subject[] = [
      // Our code alone: no settings store, so the owner's switch is off and nothing is read.
      ...pivot.map((subject) => ({ ...subject, name: `${subject.name}, no store`, noStore: true })),
      // As template.yaml deploys them: the owner's switch read from the bucket (s3rver here) first.
      ...pivot.map((subject) => ({ ...subject, name: `${subject.name} + S3 read` })),
      {
        name: 'recordings PUT (upload, S3)',
        bundle: bundle('recordings'),
        event: functionUrlEvent({ method: 'PUT', path: '/call_recording_cold-1.mp3', query: 'reason=closed&from=%2B14155550100&call_id=cold-1', body: audio, headers: { ...PIVOT, 'content-type': 'audio/mpeg' } }),
        status: 201,
      },
      // Our code alone: the page needs no store (its CSP hashes are worked out on the first request).
      { name: 'recordings GET inbox page', bundle: bundle('recordings'), event: functionUrlEvent({ method: 'GET', path: '/inbox' }), status: 200, noStore: true },
      { name: 'recordings GET (list, S3)', bundle: bundle('recordings'), event: functionUrlEvent({ method: 'GET', query: 'limit=20', headers: { authorization: 'Bearer admin-secret' } }), status: 200 },
    ].filter((subject) => endpoints.some((endpoint) => subject.bundle.includes(`/${endpoint}/`)));

    // Each function's settings as a deployment without PublicBaseUrl has them (template.yaml).
    const common = {
      TIMEZONE: 'America/New_York',
      BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
      FRONT_DESK_DEVICE_ID: DEVICE,
      MENU: `1=device:${DEVICE} "Sales"; 9=voicemail`,
      RESPONSE_FORMAT: 'auto',
      PIVOT_TOKEN: 'pivot-secret',
      ADMIN_TOKEN: 'admin-secret',
      RECORDINGS_BUCKET: 'voicemail',
      S3_ENDPOINT: s3Endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_ENDPOINT_URL_LAMBDA: lambdaApiOrigin,
    };
    const url = (name: string): string => `https://${name}0123456789.lambda-url.us-east-1.on.aws/`;
    const fn = (name: string): string => `pivot-edge-${name}`;
    const envs: Readonly<Record<string, Readonly<Record<string, string>>>> = {
      minimal: common,
      'front-desk': { ...common, COLLECTED_URL: url('collected'), GATHERED_URL: url('gathered'), RECORDINGS_URL: url('recordings') },
      collected: { ...common, FRONT_DESK_FUNCTION_NAME: fn('front-desk'), GATHERED_URL: url('gathered'), RECORDINGS_URL: url('recordings') },
      gathered: { ...common, FRONT_DESK_FUNCTION_NAME: fn('front-desk'), COLLECTED_FUNCTION_NAME: fn('collected'), RECORDINGS_URL: url('recordings') },
      recordings: { ...common, FRONT_DESK_FUNCTION_NAME: fn('front-desk'), COLLECTED_FUNCTION_NAME: fn('collected'), GATHERED_FUNCTION_NAME: fn('gathered') },
    };

    const all = [baseline, ...subjects];
    const eventFiles = new Map<Subject, string>();
    for (const [index, subject] of all.entries()) {
      const file = join(work, `event-${index}.json`);
      await writeFile(file, JSON.stringify(subject.event));
      eventFiles.set(subject, file);
    }
    const samples = new Map<Subject, number[]>(all.map((subject) => [subject, []]));
    const lookupCounts = new Map<Subject, number>();
    for (let round = -1; round < runs; round++) {
      for (const subject of all) {
        const before = lookups;
        const deployed = envs[subject.bundle.split('/').at(-2) ?? ''] ?? common;
        const env = subject.noStore === true ? Object.fromEntries(Object.entries(deployed).filter(([name]) => name !== 'RECORDINGS_BUCKET')) : deployed;
        const ms = await coldStart(subject, eventFiles.get(subject)!, env);
        lookupCounts.set(subject, lookups - before);
        // The first round warms the disk cache and the s3rver; it is not recorded.
        if (round >= 0) samples.get(subject)!.push(ms);
      }
    }
    const baselineMs = median(samples.get(baseline)!);
    const row = (subject: Subject): ColdStartRow => {
      const values = samples.get(subject)!;
      return { name: subject.name, medianMs: median(values), ratio: median(values) / baselineMs, lookups: lookupCounts.get(subject) ?? 0, samples: values };
    };
    return { runs, baseline: row(baseline), rows: subjects.map(row), command: COLD_COMMAND };
  } finally {
    lambdaApi.close();
    await s3.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

/** One fresh `node` process: import plus first event, in milliseconds. */
async function coldStart(subject: Subject, eventFile: string, env: Readonly<Record<string, string>>): Promise<number> {
  // Only what the function is given: not this shell's settings, nor the developer's .env.
  const childEnv = { PATH: process.env.PATH ?? '', ...env };
  const { stdout } = await run(process.execPath, [join(root, 'scripts/bench-cold/first-event.mjs'), subject.bundle, eventFile], { env: childEnv, timeout: 60_000 });
  const line = stdout.split('\n').reverse().find((text) => text.startsWith('COLD '));
  if (line === undefined) throw new Error(`${subject.name}: no result line in\n${stdout}`);
  const { ms, status } = JSON.parse(line.slice('COLD '.length)) as { ms: number; status: number };
  if (status !== subject.status) throw new Error(`${subject.name}: answered ${status}, expected ${subject.status}\n${stdout}`);
  return ms;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The report as a table: median ms, ratio to the baseline, sibling lookups, and the command. */
export function formatColdStarts(report: ColdStartReport): string {
  const line = (row: ColdStartRow, ratio: string): string =>
    `${row.name.padEnd(34)} ${row.medianMs.toFixed(1).padStart(7)} ms  ${ratio.padStart(6)}  ${String(row.lookups).padStart(7)}`;
  return [
    `Lambda cold start: fresh node ${process.version}, import + first event, median of ${report.runs} interleaved runs`,
    `${'bundle, first event'.padEnd(34)} ${'median'.padStart(10)}  ${'ratio'.padStart(6)}  lookups`,
    line(report.baseline, '1.00x'),
    ...report.rows.map((row) => line(row, `${row.ratio.toFixed(2)}x`)),
    `(goal: each at most 1.50x the baseline; "no store": our code alone; "S3": with the reads and writes to s3rver it needs;`,
    ` lookups: GetFunctionUrlConfig calls to a local stub of the Lambda API)`,
    `command: ${report.command}`,
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 7);
  console.log(formatColdStarts(await benchColdStarts({ runs })));
}
