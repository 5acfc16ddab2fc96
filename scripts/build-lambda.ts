// Bundle each functions/<endpoint>/lambda.ts into dist/lambda/<endpoint>/index.mjs (ESM, Node 22,
// arm64-agnostic), the files template.yaml's Handler points at. `npx tsx scripts/build-lambda.ts`.
// dist/lambda/<endpoint>/ is the CodeUri SAM uploads, so it holds only the code and its
// package.json; the source map and esbuild's metafile go to dist/lambda/.debug/<endpoint>/, which no
// CodeUri includes (to read a stack trace from CloudWatch against the map, or see what a bundle holds).
import { build, type Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textImportsEsbuild } from './text-imports.js';

/** Every Pivot endpoint, in the order SAM wires their URLs. */
export const ENDPOINTS = ['front-desk', 'collected', 'gathered', 'recordings'] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

const root = fileURLToPath(new URL('../', import.meta.url));

/** The built file of one endpoint's Lambda, relative to the project root. */
export const lambdaBundle = (endpoint: EndpointName): string => `dist/lambda/${endpoint}/index.mjs`;

/** True when the endpoint's app and Lambda entry exist (other endpoints are skipped, with a note). */
export const hasLambdaEntry = (endpoint: EndpointName): boolean =>
  existsSync(`${root}functions/${endpoint}/app.ts`) && existsSync(`${root}functions/${endpoint}/lambda.ts`);

/** Beside the endpoint folders, never inside one: what is kept locally and not uploaded. */
export const DEBUG_DIR = '.debug';

export interface LambdaBuild {
  readonly endpoint: EndpointName;
  readonly file: string;
  readonly bytes: number;
  readonly metafile: Metafile;
}

// ESM cannot `require`; a CommonJS dependency that requires a Node built-in still works with this.
const BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Build the Lambda bundle of every endpoint that has an entry; throws when a bundle imports `cloudflare:`. */
export async function buildLambdas(
  endpoints: readonly EndpointName[] = ENDPOINTS.filter(hasLambdaEntry),
  outRoot = `${root}dist/lambda`,
): Promise<LambdaBuild[]> {
  return Promise.all(
    endpoints.map(async (endpoint) => ({ endpoint, ...(await bundleLambda(`functions/${endpoint}/lambda.ts`, `${outRoot}/${endpoint}`, `${outRoot}/${DEBUG_DIR}/${endpoint}`)) })),
  );
}

/**
 * Bundle one Lambda entry (relative to the project root) into `outdir/index.mjs`, as every endpoint
 * is bundled; `npm run bench:cold` bundles its minimal Hono app with it too.
 */
export async function bundleLambda(entry: string, outdir: string, debugDir: string): Promise<Omit<LambdaBuild, 'endpoint'>> {
  // A fresh folder: nothing left over from an older build (maps, metafiles) is uploaded.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await mkdir(debugDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: `${outdir}/index.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    // No sourceMappingURL comment: the map is not deployed (see the top of this file).
    sourcemap: 'external',
    write: false,
    legalComments: 'none',
    banner: { js: BANNER },
    metafile: true,
    plugins: [textImportsEsbuild()],
    logLevel: 'error',
  });
  const cloudflare = Object.entries(result.metafile.inputs)
    .flatMap(([file, input]) => input.imports.filter((imported) => imported.path.startsWith('cloudflare:')).map((imported) => `${file} imports ${imported.path}`));
  if (cloudflare.length > 0) throw new Error(`the ${entry} Lambda bundle must not import cloudflare: modules:\n${cloudflare.join('\n')}`);
  // `sam build` (npm builder) wants a package.json beside the code; "module" marks the bundle ESM.
  const manifest = { name: `pivot-edge-${basename(outdir)}`, version: '0.0.0', private: true, type: 'module' };
  await writeFile(`${outdir}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of result.outputFiles) await writeFile(file.path.endsWith('.map') ? `${debugDir}/${basename(file.path)}` : file.path, file.contents);
  await writeFile(`${debugDir}/meta.json`, JSON.stringify(result.metafile));
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs'));
  return { file: `${outdir}/index.mjs`, bytes: output?.[1].bytes ?? 0, metafile: result.metafile };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = ENDPOINTS.filter((endpoint) => !hasLambdaEntry(endpoint));
  for (const built of await buildLambdas()) console.log(`${built.file}  ${(built.bytes / 1024).toFixed(1)} KiB`);
  for (const endpoint of missing) console.warn(`skipped ${endpoint}: functions/${endpoint}/app.ts or lambda.ts does not exist yet`);
}
