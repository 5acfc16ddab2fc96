// `npm run build:page`: the inbox page's readable sources (functions/recordings/page/inbox.html,
// .css, .browser.js) minified, the style and the script inlined into the page's one empty
// `<style></style>` and `<script></script>`, written to functions/recordings/page/built/inbox.html,
// the file the recordings function serves. Every runner (wrangler, the Lambda build, vitest,
// npm start) then serves the same bytes, and the recordings Worker uploads fewer of them. Edit the
// sources, then run this; test/recordings/page-build.test.ts fails while the built page is not
// what it would write.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
export const PAGE_SOURCES = 'functions/recordings/page/';
export const BUILT_PAGE = 'functions/recordings/page/built/inbox.html';

/** One page file minified: comments and layout whitespace out of the HTML, esbuild for the style and the script. */
export async function minifyPageFile(name: string, text: string): Promise<string> {
  if (name.endsWith('.html')) {
    // Between tags a line break and its indent are layout; inside text a line break is a space.
    return text.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ').trim();
  }
  const loader = name.endsWith('.css') ? 'css' : 'js';
  // No target: the syntax the sources are written in is kept, only made shorter. A function around
  // the script lets its own names be shortened.
  return (await transform(text, { loader, minify: true, legalComments: 'none', ...(loader === 'js' ? { format: 'iife' as const } : {}) })).code.trim();
}

/** `text` in place of the template's one empty `<tag></tag>`; what would break the page is refused. */
export function inline(template: string, tag: 'style' | 'script', text: string): string {
  const empty = `<${tag}></${tag}>`;
  const at = template.indexOf(empty);
  if (at < 0 || template.indexOf(empty, at + 1) >= 0 || template.indexOf(`<${tag}`) !== at) throw new Error(`the inbox page needs exactly one ${tag} element, an empty ${empty}`);
  if (text.toLowerCase().includes(`</${tag}`)) throw new Error(`the inbox ${tag} must not contain </${tag}`);
  return `${template.slice(0, at)}<${tag}>${text}</${tag}>${template.slice(at + empty.length)}`;
}

/** The page as the build writes it. */
export async function builtPage(): Promise<string> {
  const source = async (name: string): Promise<string> => minifyPageFile(name, await readFile(`${root}${PAGE_SOURCES}${name}`, 'utf8'));
  const [html, css, js] = await Promise.all(['inbox.html', 'inbox.css', 'inbox.browser.js'].map(source));
  return `${inline(inline(html!, 'style', css!), 'script', js!)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const page = await builtPage();
  await writeFile(`${root}${BUILT_PAGE}`, page);
  console.log(`${BUILT_PAGE}  ${page.length} B`);
}
