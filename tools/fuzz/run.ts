// The fuzz run: cases for every Pivot-facing route, sent over real sockets to the local server (and,
// where a Request can say them, straight to app.fetch), every answer judged, every log line read.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAllInOneApp } from '../../functions/local/app.js';
import { startLocalServer } from '../../functions/local/server.js';
import { uploadAdmission, UPLOAD_LIMITS, type UploadLimits } from '../../functions/local/upload-limits.js';
import { fsRecordingStore } from '../../functions/recordings/store-fs.js';
import { fsSettingsStore } from '../../shared/platform/settings-fs.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { FUZZ_ENDPOINTS, type FuzzCase, type FuzzEndpoint } from './case.js';
import { judge, type Answer } from './judge.js';
import { pivotCase } from './pivot-cases.js';
import { Random } from './random.js';
import { FUZZ_ADMIN_TOKEN, FUZZ_TOKEN, fuzzEnv } from './request-parts.js';
import { uploadCase } from './upload-cases.js';
import { exchange } from './wire.js';

export interface FuzzOptions {
  /** Cases per endpoint (10,000 for the full run). */
  readonly perEndpoint: number;
  readonly seed: number;
  readonly endpoints?: readonly FuzzEndpoint[];
  /** Only these case numbers: a failure replayed. */
  readonly only?: readonly number[];
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** The longest an answer may take before it counts as a hang (default 10 s). */
  readonly deadlineMs?: number;
  /** Also send each case a Request can say straight to app.fetch (default true). */
  readonly inProcess?: boolean;
  readonly onProgress?: (endpoint: FuzzEndpoint, done: number, total: number) => void;
}

export interface EndpointFigures {
  readonly cases: number;
  /** Over HTTP, answers by status (`timeout`, `closed` for no answer). */
  readonly http: Record<string, number>;
  /** Through app.fetch, by status. */
  readonly inProcess: Record<string, number>;
  readonly ms: number;
}

export interface FuzzFailure {
  readonly endpoint: FuzzEndpoint;
  readonly index: number;
  readonly kind: string;
  readonly transport: 'http' | 'in-process';
  readonly problems: readonly string[];
  /** The request line, and what came back. */
  readonly request: string;
  readonly answer: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly perEndpoint: number;
  readonly endpoints: Partial<Record<FuzzEndpoint, EndpointFigures>>;
  readonly failures: readonly FuzzFailure[];
  /** The server's own log lines: how many, by level and status, and the ones that are findings (5xx, error level, a token, a stack). */
  readonly log: { readonly lines: number; readonly byLevel: Record<string, number>; readonly findings: readonly string[] };
  readonly ms: number;
}

/**
 * The fuzzed server's upload limits: its defaults, except more places than requests in flight (so
 * no 503) and a 0.5 s window, so a stalled upload is cut (408) in half a second, not ten.
 */
export const FUZZ_UPLOAD_LIMITS: UploadLimits = { ...UPLOAD_LIMITS, maxConcurrent: 64, minBytesPerSecond: 8192, windowMs: 500 };

/** The cases of one endpoint, each from its own seeded generator: `caseFor(seed, e, n)` is always the same request. */
export function caseFor(seed: number, endpoint: FuzzEndpoint, index: number): FuzzCase {
  const random = Random.forCase(seed, endpoint, index);
  return endpoint === 'uploads' ? uploadCase(random, index) : pivotCase(random, endpoint, index);
}

/** Runs the fuzz and reports; it never throws for what it finds (the caller asserts on `failures` and `log.findings`). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-fuzz-'));
  const env = fuzzEnv(dir);
  const log = captureLog();
  const failures: FuzzFailure[] = [];
  const endpoints: Partial<Record<FuzzEndpoint, EndpointFigures>> = {};
  const server = await startLocalServer(env, { port: 0, hostname: '127.0.0.1', quiet: true, uploads: FUZZ_UPLOAD_LIMITS });
  const app = createAllInOneApp(nodePlatform({ ...env }), { store: fsRecordingStore, settings: fsSettingsStore, uploads: uploadAdmission(FUZZ_UPLOAD_LIMITS) });
  const port = Number(new URL(server.origin).port);
  const deadlineMs = options.deadlineMs ?? 10_000;
  try {
    for (const endpoint of options.endpoints ?? FUZZ_ENDPOINTS) {
      const began = Date.now();
      const figures: EndpointFigures = { cases: 0, http: {}, inProcess: {}, ms: 0 };
      const indexes = options.only ?? Array.from({ length: options.perEndpoint }, (_, index) => index);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < indexes.length) {
          const index = indexes[next++] as number;
          try {
            await oneCase(caseFor(options.seed, endpoint, index));
          } catch (error) {
            // The fuzzer's own slip is a finding too, not the end of the run.
            failures.push({ endpoint, index, kind: 'the fuzzer itself', transport: 'http', problems: [String(error)], request: '', answer: '' });
          }
          (figures as { cases: number }).cases += 1;
          options.onProgress?.(endpoint, figures.cases, indexes.length);
        }
      };
      const oneCase = async (fuzz: FuzzCase): Promise<void> => {
        {
          const wire = await exchange(port, fuzz, deadlineMs);
          const answer: Answer = { outcome: wire.outcome, status: wire.status, contentType: wire.headers['content-type'], body: wire.body.toString('utf8') };
          count(figures.http, wire.outcome === 'answered' ? String(wire.status) : wire.outcome);
          const problems = judge(fuzz, answer, fuzz.expect);
          if (problems.length > 0) failures.push(failure(fuzz, 'http', problems, answer));
          if (options.inProcess !== false && fuzz.inProcess !== 'skip') {
            const direct = await inProcess(app.fetch, fuzz, deadlineMs);
            if (direct !== undefined) {
              count(figures.inProcess, direct.outcome === 'answered' ? String(direct.status) : direct.outcome);
              const found = judge(fuzz, direct, fuzz.inProcess);
              if (found.length > 0) failures.push(failure(fuzz, 'in-process', found, direct));
            }
          }
        }
      };
      await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
      endpoints[endpoint] = { ...figures, ms: Date.now() - began };
    }
  } finally {
    await server.close();
    // What the server was still finishing (a body whose sender gave up) is on the log once it closed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    log.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { seed: options.seed, perEndpoint: options.perEndpoint, endpoints, failures, log: log.summary(), ms: Date.now() - started };
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function failure(fuzz: FuzzCase, transport: 'http' | 'in-process', problems: string[], answer: Answer): FuzzFailure {
  return {
    endpoint: fuzz.endpoint,
    index: fuzz.index,
    kind: fuzz.kind,
    transport,
    problems,
    request: `${fuzz.method} ${fuzz.target.slice(0, 200)}${fuzz.target.length > 200 ? '…' : ''} (${fuzz.framing.kind}, ${fuzz.body.byteLength} bytes)`,
    answer: `${answer.outcome} ${answer.status} ${answer.contentType ?? ''} ${answer.body.slice(0, 200)}`,
  };
}

/** The case as a fetch Request for app.fetch, or undefined where a Request cannot say it. */
function toRequest(fuzz: FuzzCase): Request | undefined {
  const url = `https://pivot.example.com${fuzz.target}`;
  if (!URL.canParse(url) || !/^[A-Z]+$/.test(fuzz.method) || ['CONNECT', 'TRACE'].includes(fuzz.method)) return undefined;
  const headers = new Headers();
  try {
    for (const [name, value] of fuzz.headers) headers.append(name, value);
  } catch {
    return undefined;
  }
  if (fuzz.method === 'GET' || fuzz.method === 'HEAD') return new Request(url, { method: fuzz.method, headers });
  const { framing, body } = fuzz;
  if (framing.kind === 'chunked') {
    const pieces = framing.sizes.map((_, n) => framing.sizes.slice(0, n).reduce((sum, size) => sum + size, 0)).map((at, n) => body.subarray(at, at + (framing.sizes[n] ?? 0)));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pieces.shift();
        if (piece === undefined) controller.close();
        else controller.enqueue(piece);
      },
    });
    return new Request(url, { method: fuzz.method, headers, body: stream, duplex: 'half' } as RequestInit);
  }
  headers.set('content-length', String(body.byteLength));
  return new Request(url, { method: fuzz.method, headers, body: body as Uint8Array<ArrayBuffer> });
}

async function inProcess(fetch: (request: Request) => Response | Promise<Response>, fuzz: FuzzCase, deadlineMs: number): Promise<Answer | undefined> {
  const request = toRequest(fuzz);
  if (request === undefined) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Answer>((resolve) => (timer = setTimeout(() => resolve({ outcome: 'timeout', status: 0, contentType: undefined, body: '' }), deadlineMs)));
  const answered = (async (): Promise<Answer> => {
    const response = await fetch(request);
    const body = await response.text();
    return { outcome: 'answered', status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: fuzz.method === 'HEAD' ? '' : body };
  })();
  try {
    return await Promise.race([answered, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const SECRETS = [FUZZ_TOKEN, FUZZ_ADMIN_TOKEN, Buffer.from(`pivot:${FUZZ_TOKEN}`).toString('base64'), Buffer.from(FUZZ_TOKEN).toString('base64')];

/** Takes over the console while the server runs: every line kept, none printed; findings picked out. */
function captureLog(): { stop(): void; summary(): FuzzReport['log'] } {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((method) => console[method]);
  const byLevel: Record<string, number> = {};
  const findings: string[] = [];
  let lines = 0;
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      const text = args.map((arg) => (typeof arg === 'string' ? arg : arg instanceof Error ? `${arg.stack ?? arg.message}` : String(arg))).join(' ');
      lines += 1;
      if (SECRETS.some((secret) => text.includes(secret))) findings.push(`a token in a log line: ${text.slice(0, 200)}`);
      let line: { level?: unknown; status?: unknown } | undefined;
      try {
        line = text.startsWith('{"time"') ? (JSON.parse(text) as { level?: unknown; status?: unknown }) : undefined;
      } catch {
        line = undefined;
      }
      if (line === undefined) {
        findings.push(`a line that is not the request log (printed by console.${method}): ${text.slice(0, 300)}`);
        return;
      }
      count(byLevel, String(line.level));
      if (line.level === 'error' || (typeof line.status === 'number' && line.status >= 500)) findings.push(`a server error on the log: ${text.slice(0, 300)}`);
    };
  }
  return {
    stop: () => methods.forEach((method, index) => (console[method] = saved[index] as (typeof console)[typeof method])),
    summary: () => ({ lines, byLevel, findings }),
  };
}

/** The report as text: per endpoint, answers by status over HTTP and in process, the time, and every failure with how to replay it. */
export function formatReport(report: FuzzReport, command = 'npm run fuzz --'): string {
  const out: string[] = [`fuzz: seed ${report.seed}, ${report.perEndpoint} cases per endpoint, ${(report.ms / 1000).toFixed(1)} s`];
  for (const [endpoint, figures] of Object.entries(report.endpoints)) {
    const statuses = (record: Record<string, number>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}×${n}`).join(' ');
    const inProcess = Object.values(figures.inProcess).reduce((sum, n) => sum + n, 0);
    out.push(`  ${endpoint.padEnd(14)} ${String(figures.cases).padStart(6)} over HTTP: ${statuses(figures.http)}; ${inProcess} in process: ${statuses(figures.inProcess)}; ${(figures.ms / 1000).toFixed(1)} s`);
  }
  out.push(`  server log: ${report.log.lines} lines (${Object.entries(report.log.byLevel).map(([level, n]) => `${level} ${n}`).join(', ')})`);
  for (const finding of report.log.findings.slice(0, 20)) out.push(`  ✗ ${finding}`);
  for (const found of report.failures.slice(0, 30)) {
    out.push(`  ✗ ${found.endpoint} case ${found.index} (${found.kind}, ${found.transport}): ${found.problems.join('; ')}`);
    out.push(`      sent: ${found.request}`);
    out.push(`      got:  ${found.answer.replace(/\s+/g, ' ')}`);
    out.push(`      replay: ${command} --seed ${report.seed} --endpoint ${found.endpoint} --case ${found.index}`);
  }
  if (report.failures.length > 30) out.push(`  … and ${report.failures.length - 30} more failures`);
  const clean = report.failures.length === 0 && report.log.findings.length === 0;
  out.push(clean ? '  ✓ every answer a valid flow or a right status, 0 5xx, 0 empty bodies, 0 hangs, nothing wrong on the log' : `  ✗ ${report.failures.length} failures, ${report.log.findings.length} log findings (seed ${report.seed})`);
  return out.join('\n');
}
