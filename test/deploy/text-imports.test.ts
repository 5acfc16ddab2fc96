// Web page files are imported as their text by every runner (scripts/text-imports.ts): wrangler's
// rules (read by wrangler itself, every environment), esbuild for Lambda, Vite for vitest, and the
// Node hook that `npm start` runs under tsx. They agree on which files are text, and each one
// yields the files' exact text. (workerd with wrangler's rule: test/workerd/recordings-worker.test.ts.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import STYLE from '../../functions/recordings/page/inbox.css';
import SCRIPT from '../../functions/recordings/page/inbox.browser.js';
import TEMPLATE from '../../functions/recordings/page/inbox.html';
import { TEXT_FILE, textImportsEsbuild } from '../../scripts/text-imports.js';

const root = new URL('../../', import.meta.url).pathname;
const PAGE = ['inbox.html', 'inbox.css', 'inbox.browser.js'].map((name) => `functions/recordings/page/${name}`);
const source = (file: string) => readFileSync(join(root, file), 'utf8');
const SPECIFIERS = {
  text: ['./page/inbox.html', './page/inbox.css', './page/inbox.browser.js', '../x/y.html', './a.b.css'],
  code: ['./inbox.js', './app.js', '../../shared/http/index.js', './browser.js', './page/inbox.browser.ts', './data.json', 'hono', './html.js'],
};

/** glob-to-regexp without options, as wrangler applies a rule's globs to an import specifier. */
function wranglerGlob(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

describe('text imports', () => {
  it('wrangler (every environment), esbuild, Vite and the Node hook agree on which files are text', async () => {
    const hook = (await import(pathToFileURL(join(root, 'scripts/node-text-imports.mjs')).href)) as { TEXT_FILE: RegExp };
    process.env.WRANGLER_SEND_METRICS = 'false';
    for (const env of [undefined, 'front-desk', 'collected', 'gathered', 'recordings']) {
      const config = unstable_readConfig({ config: join(root, 'wrangler.toml'), ...(env === undefined ? {} : { env }) }, { hideWarnings: true });
      const rules = config.rules as { type: string; globs: string[] }[];
      const globs = rules.filter((rule) => rule.type === 'Text').flatMap((rule) => rule.globs.map(wranglerGlob));
      const wranglerText = (specifier: string) => globs.some((glob) => glob.test(specifier));
      for (const specifier of SPECIFIERS.text) expect(wranglerText(specifier), `${env ?? 'default'}: ${specifier}`).toBe(true);
      for (const specifier of SPECIFIERS.code) expect(wranglerText(specifier), `${env ?? 'default'}: ${specifier}`).toBe(false);
    }
    for (const specifier of SPECIFIERS.text) expect([TEXT_FILE.test(specifier), hook.TEXT_FILE.test(specifier)], specifier).toEqual([true, true]);
    for (const specifier of SPECIFIERS.code) expect([TEXT_FILE.test(specifier), hook.TEXT_FILE.test(specifier)], specifier).toEqual([false, false]);
  });

  it('Vite (this very test) imports the exact text', () => {
    expect([TEMPLATE, STYLE, SCRIPT]).toEqual(PAGE.map(source));
    expect(STYLE).toContain('.message');
  });

  it('esbuild (the Lambda build) bundles the exact text', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pivot-edge-text-'));
    try {
      await build({
        stdin: { contents: PAGE.map((file, i) => `export { default as f${i} } from './${file}';`).join('\n'), resolveDir: root, loader: 'ts' },
        bundle: true, format: 'esm', platform: 'node', outfile: join(out, 'page.mjs'), plugins: [textImportsEsbuild()], logLevel: 'error',
      });
      const built = (await import(pathToFileURL(join(out, 'page.mjs')).href)) as Record<string, string>;
      expect([built.f0, built.f1, built.f2]).toEqual(PAGE.map(source));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('`npm start` (tsx with the Node hook) serves the page', async () => {
    const port = await freePort();
    const start = (JSON.parse(source('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(start).toMatch(/^tsx --import \.\/scripts\/node-text-imports\.mjs server\.ts$/);
    const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-start-'));
    const child = spawn(join(root, 'node_modules/.bin/tsx'), start.split(' ').slice(1), {
      cwd: root,
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), TIMEZONE: 'UTC', BUSINESS_HOURS: 'Mo-Fr 09:00-17:00', RECORDINGS_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const listening = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('listening on')) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
      });
      await listening;
      const page = await fetch(`http://127.0.0.1:${port}/recordings/inbox`);
      expect(page.status).toBe(200);
      const html = await page.text();
      // The built page (npm run build:page) is what is served.
      expect(html).toBe(source('functions/recordings/page/built/inbox.html'));
    } finally {
      child.kill();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
