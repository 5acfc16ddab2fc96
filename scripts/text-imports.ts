// Web page files (`.html`, `.css`, `.browser.js`) are imported as their text, the same way in every
// runner (types: shared/text-imports.d.ts):
//   wrangler (dev, deploy, npm run size, the workerd vitest project): `[[rules]] type = "Text"` in wrangler.toml
//   esbuild (the Lambda bundles):  textImportsEsbuild() below, in scripts/build-lambda.ts
//   vitest's Node project:        textImportsVite() below, in vitest.config.ts
//   tsx (npm start, scripts):     `tsx --import ./scripts/node-text-imports.mjs`
// test/deploy/text-imports.test.ts checks that all of them agree on which files are text.
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vitest/config';

/** The files imported as text. */
export const TEXT_FILE = /\.(?:html|css|browser\.js)$/;

/** esbuild: load text files with the `text` loader (a default export of the file's content). */
export function textImportsEsbuild(): EsbuildPlugin {
  return {
    name: 'text-imports',
    setup(build) {
      build.onLoad({ filter: TEXT_FILE }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
    },
  };
}

/**
 * Vite (vitest): text files become virtual modules exporting their text. Not Vite's `?raw`: vitest
 * empties every id that looks like CSS (`.css` or `.css?…`) unless it processes CSS.
 */
export function textImportsVite(): VitePlugin {
  const prefix = '\0text-import:';
  const suffix = '.text';
  return {
    name: 'text-imports',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!TEXT_FILE.test(source) || importer === undefined) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved === null ? null : prefix + resolved.id + suffix;
    },
    async load(id) {
      if (!id.startsWith(prefix)) return null;
      const file = id.slice(prefix.length, -suffix.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(await readFile(file, 'utf8'))};`;
    },
  };
}
