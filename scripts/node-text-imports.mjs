// Node (tsx): import web page files as their text, as the bundlers do (scripts/text-imports.ts).
// `tsx --import ./scripts/node-text-imports.mjs server.ts`. The same file is the hooks module:
// the main thread registers it, Node runs its `load` hook on its hooks thread.
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

/** Keep in step with TEXT_FILE in scripts/text-imports.ts (test/deploy/text-imports.test.ts checks). */
export const TEXT_FILE = /\.(?:html|css|browser\.js)$/;

if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TEXT_FILE.test(new URL(url).pathname)) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
