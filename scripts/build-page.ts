// `npm run build:page`: the inbox page's readable sources (functions/recordings/page/inbox.html,
// .css, .browser.js) minified into functions/recordings/page/built/, the files the recordings
// function imports. Every runner (wrangler, the Lambda build, vitest, npm start) then serves the
// same bytes, and the recordings Worker uploads the smaller ones. Edit the sources, then run this;
// test/recordings/page-build.test.ts fails while the built files are not what it would write.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
export const PAGE_SOURCES = 'functions/recordings/page/';
export const PAGE_BUILT = 'functions/recordings/page/built/';
export const PAGE_FILES = ['inbox.html', 'inbox.css', 'inbox.browser.js'] as const;

/** One page file minified: comments and layout whitespace out of the HTML, esbuild for the style and the script. */
export async function minifyPageFile(name: string, text: string): Promise<string> {
  if (name.endsWith('.html')) {
    // Between tags a line break and its indent are layout; inside text a line break is a space.
    return `${text.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ').trim()}\n`;
  }
  const loader = name.endsWith('.css') ? 'css' : 'js';
  // A function around the script lets its own names be shortened; browsers the page supports read ES2020.
  return (await transform(text, { loader, minify: true, target: loader === 'js' ? 'es2020' : 'chrome90', ...(loader === 'js' ? { format: 'iife' } : {}), legalComments: 'none' })).code;
}

/** Every page file as the build writes it, by name. */
export async function builtPage(): Promise<Map<string, string>> {
  const built = new Map<string, string>();
  for (const name of PAGE_FILES) built.set(name, await minifyPageFile(name, await readFile(`${root}${PAGE_SOURCES}${name}`, 'utf8')));
  return built;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, text] of await builtPage()) {
    await writeFile(`${root}${PAGE_BUILT}${name}`, text);
    const source = await readFile(`${root}${PAGE_SOURCES}${name}`, 'utf8');
    console.log(`${PAGE_BUILT}${name}  ${source.length} -> ${text.length} B`);
  }
}
