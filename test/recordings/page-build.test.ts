// The inbox page the recordings function serves (functions/recordings/page/built/) is its readable
// sources minified by `npm run build:page` (scripts/build-page.ts): every runner imports the built
// files, so they must be exactly what the build writes from the sources as they are now.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { builtPage, minifyPageFile, PAGE_BUILT, PAGE_FILES } from '../../scripts/build-page.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the built inbox page', () => {
  it.each(PAGE_FILES)('%s is the source minified (else: npm run build:page)', async (name) => {
    const expected = (await builtPage()).get(name);
    expect(await readFile(`${root}${PAGE_BUILT}${name}`, 'utf8'), `${PAGE_BUILT}${name} is out of date: run npm run build:page`).toBe(expected);
  });

  it('keeps the words of the page: a line break in text is a space, one between tags is layout', async () => {
    expect(await minifyPageFile('x.html', '<p>\n  <b>Hi</b> <i>you</i>\n  <!-- a note -->\n  <span>two\n    lines</span>\n</p>\n')).toBe('<p><b>Hi</b> <i>you</i><span>two lines</span></p>\n');
  });
});
