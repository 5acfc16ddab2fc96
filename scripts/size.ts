// Bundle every Worker exactly as `wrangler deploy` would (`wrangler deploy --dry-run`, offline) and
// print raw and gzip bytes per environment; exits 1 past a limit, naming the biggest imports.
// `npx tsx scripts/size.ts` (npm run size).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

/** Gzip limits in bytes (1 KB = 1000 bytes, the stricter reading). The all-in-one worker has none. */
export const WORKER_LIMITS: Readonly<Record<string, number | undefined>> = {
  'front-desk': 30_000,
  collected: 30_000,
  gathered: 30_000,
  recordings: 30_000,
  '': undefined,
};

/** Code that must never reach a Worker bundle. */
const FORBIDDEN_IN_WORKERS = [/node_modules\/@aws-sdk\//, /node_modules\/@smithy\//, /node_modules\/aws-sdk\//, /node_modules\/aws4fetch\//];

export interface WorkerSize {
  /** The wrangler environment; `''` is the default (all-in-one) worker. */
  readonly env: string;
  readonly raw: number;
  readonly gzip: number;
  readonly limit: number | undefined;
  /** Biggest contributors, by package or source folder, with who imports them. */
  readonly biggest: readonly { readonly name: string; readonly bytes: number; readonly importedBy: string }[];
  /** Inputs that must not be in a Worker (AWS SDK, aws4fetch). */
  readonly forbidden: readonly string[];
}

interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly { readonly path: string }[] }>;
  readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

/** Run `wrangler deploy --dry-run` for one environment into dist/workers/<name>/ and measure it. */
export async function measureWorker(env: string): Promise<WorkerSize> {
  const outdir = `${root}dist/workers/${env || 'all-in-one'}`;
  const args = ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', outdir, '--metafile', `${outdir}/meta.json`];
  if (env !== '') args.push('--env', env);
  // Module file names carry a content hash: start empty so no earlier build's modules are counted.
  await rm(outdir, { recursive: true, force: true });
  await run(process.execPath, args, {
    cwd: root,
    timeout: 120_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: 'true' },
  });
  const code = await bundleBytes(outdir);
  const meta = JSON.parse(await readFile(`${outdir}/meta.json`, 'utf8')) as Metafile;
  const inputs = Object.keys(meta.inputs);
  return {
    env,
    raw: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    limit: WORKER_LIMITS[env],
    biggest: biggestInputs(meta),
    forbidden: inputs.filter((input) => FORBIDDEN_IN_WORKERS.some((pattern) => pattern.test(input))),
  };
}

async function mainOutput(outdir: string): Promise<string> {
  for (const name of ['worker.js', 'index.js']) if (existsSync(`${outdir}/${name}`)) return name;
  throw new Error(`no bundle in ${outdir}`);
}

/** The main module followed by the modules uploaded beside it (wrangler.toml `[[rules]]`: the page's text). */
async function bundleBytes(outdir: string): Promise<Buffer> {
  const main = await mainOutput(outdir);
  const others = (await readdir(outdir)).filter((name) => name !== main && !/^(README\.md|meta\.json)$|\.map$/.test(name)).sort();
  return Buffer.concat(await Promise.all([main, ...others].map((name) => readFile(`${outdir}/${name}`))));
}

/** Group output bytes by npm package or by source folder, biggest first, with the first importer. */
function biggestInputs(meta: Metafile): WorkerSize['biggest'] {
  const output = Object.entries(meta.outputs).find(([file]) => !file.endsWith('.map'))?.[1];
  const groups = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    groups.set(groupOf(file), (groups.get(groupOf(file)) ?? 0) + input.bytesInOutput);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, bytes, importedBy: importerOf(meta, name) }));
}

function groupOf(file: string): string {
  const modules = file.lastIndexOf('node_modules/');
  if (modules < 0) return file.split('/').slice(0, -1).join('/') || file;
  const parts = file.slice(modules + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
}

/** The first project file (outside the group itself) that imports something in `group`. */
function importerOf(meta: Metafile, group: string): string {
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (groupOf(file) === group || file.includes('node_modules/')) continue;
    if (input.imports.some((imported) => groupOf(imported.path) === group)) return file;
  }
  return '(the entry itself)';
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per worker, plus the biggest imports of any worker past its limit. */
export function report(sizes: readonly WorkerSize[]): string {
  const lines = sizes.map((size) => {
    const name = (size.env || 'all-in-one (default)').padEnd(22);
    const limit = size.limit === undefined ? 'no limit' : `limit ${(size.limit / 1000).toFixed(0)} KB gzip`;
    const verdict = size.limit !== undefined && size.gzip > size.limit ? 'OVER' : 'ok';
    return `${name} raw ${String(size.raw).padStart(7)} B (${kib(size.raw)})  gzip ${String(size.gzip).padStart(6)} B (${kib(size.gzip)})  ${limit}  ${verdict}`;
  });
  for (const size of sizes.filter((s) => (s.limit !== undefined && s.gzip > s.limit) || s.forbidden.length > 0)) {
    lines.push(`${size.env}: biggest imports:`);
    for (const input of size.biggest) lines.push(`  ${input.name.padEnd(28)} ${kib(input.bytes).padStart(10)}  imported by ${input.importedBy}`);
    for (const file of size.forbidden) lines.push(`  forbidden in a Worker: ${file}`);
  }
  return lines.join('\n');
}

/** The environments whose entry exists (others are skipped: their endpoint is not written yet). */
export function workerEnvironments(): string[] {
  const entry = (env: string) => (env === '' ? 'functions/local/worker.ts' : `functions/${env}/worker.ts`);
  return Object.keys(WORKER_LIMITS).filter((env) => existsSync(`${root}${entry(env)}`));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = await Promise.all(workerEnvironments().map(measureWorker));
  console.log(report(sizes));
  if (sizes.some((size) => (size.limit !== undefined && size.gzip > size.limit) || size.forbidden.length > 0)) process.exitCode = 1;
}
