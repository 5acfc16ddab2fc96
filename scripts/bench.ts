/**
 * `npm run bench`: every figure of issue 11 in one run, each part in a fresh process and printed
 * under the command that reproduces it alone; the headline lines again at the end. Figures only:
 * nothing is asserted (the Worker size limits are checked by `npm test`, test/deploy/size.test.ts).
 *   npm run bench            about 3 minutes on 2 cores
 *   npm run bench -- --fuzz  the same, then the full fuzz (npm run fuzz: 10,000 cases per endpoint)
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const TSX = ['--import', 'tsx'];
const TEXT = [...TSX, '--import', './scripts/node-text-imports.mjs'];

interface Part {
  readonly title: string;
  /** What a person types to get this part alone. */
  readonly command: string;
  /** How it runs here: node with tsx (no npx or npm in between), or another program. */
  readonly run: readonly [string, ...string[]];
}

const node = (...args: string[]): [string, ...string[]] => [process.execPath, ...args];

const PARTS: Part[] = [
  { title: 'GET and form POST /front-desk over the wire, against bare node:http (wrk)', command: 'npm run bench:wire', run: node(...TSX, 'scripts/bench-wire.ts') },
  { title: 'each Pivot endpoint in process, against a minimal Hono app', command: 'npm run bench:fetch', run: node(...TEXT, 'scripts/bench-fetch.ts') },
  { title: 'cold start of each Lambda bundle, against a minimal hono/aws-lambda app', command: 'npm run bench:cold', run: node(...TSX, 'scripts/bench-cold.ts') },
  { title: 'Worker bundle sizes (gzip, as wrangler deploy builds them)', command: 'npm run size', run: node(...TSX, 'scripts/size.ts') },
  { title: 'upload CPU: 1 MB in 1-byte pieces, against bare node:http and 64 KB pieces', command: 'npm run bench:upload -- --only cpu', run: node(...TEXT, 'scripts/bench-upload.ts', '--only', 'cpu') },
  { title: 'caller lookup latency, against front-desk without a lookup', command: 'npm run bench:front-desk -- --lookup-only', run: node(...TSX, 'scripts/bench-front-desk.ts', '--lookup-only') },
];
if (process.argv.includes('--fuzz')) {
  PARTS.push({
    title: 'the full fuzz: 10,000 requests per endpoint',
    command: 'npm run fuzz',
    run: ['npm', 'run', '--silent', 'fuzz'],
  });
}

/** Runs one part, echoing its output as it comes; resolves with that output and the exit code. */
function runPart(part: Part): Promise<{ readonly output: string; readonly code: number | null }> {
  return new Promise((resolve) => {
    const [program, ...args] = part.run;
    const child = spawn(program, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ output, code }));
  });
}

// Lines that carry a ratio or a verdict: repeated at the end, under their commands.
const HEADLINE = /ratio|median|x the floor|limit \d+ KB|past the budget|vs baseline|cold|findings|cases|ms\s+\d+\.\d+x/i;
const started = performance.now();
const summary: string[] = [];
let failed = false;
for (const part of PARTS) {
  console.log(`\n=== ${part.title}\n$ ${part.command}`);
  const partStarted = performance.now();
  const { output, code } = await runPart(part);
  const seconds = ((performance.now() - partStarted) / 1000).toFixed(0);
  console.log(`(${seconds} s${code === 0 ? '' : `, exit code ${code}`})`);
  failed ||= code !== 0;
  const lines = output.split('\n').filter((line) => HEADLINE.test(line) && !line.startsWith('{'));
  summary.push(`$ ${part.command}  (${seconds} s)\n${lines.map((line) => `  ${line.trim()}`).join('\n')}`);
}
console.log(`\n=== summary (${((performance.now() - started) / 1000).toFixed(0)} s in all)\n${summary.join('\n')}`);
if (failed) process.exitCode = 1;
