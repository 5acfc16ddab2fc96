// The inbox page the recordings function serves (functions/recordings/page/built/inbox.html) is
// its readable sources minified, the style and the script inlined, by `npm run build:page`
// (scripts/build-page.ts): every runner imports the built page, so it must be exactly what the
// build writes from the sources as they are now.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUILT_PAGE, builtPage, inline, minifyPageFile } from '../../scripts/build-page.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the built inbox page', () => {
  it('is the sources built (else: npm run build:page)', async () => {
    expect(await readFile(`${root}${BUILT_PAGE}`, 'utf8'), `${BUILT_PAGE} is out of date: run npm run build:page`).toBe(await builtPage());
  });

  it('keeps the words of the page: a line break in text is a space, one between tags is layout', async () => {
    expect(await minifyPageFile('x.html', '<p>\n  <b>Hi</b> <i>you</i>\n  <!-- a note -->\n  <span>two\n    lines</span>\n</p>\n')).toBe('<p><b>Hi</b> <i>you</i><span>two lines</span></p>');
  });

  it('inlines into the one empty element, and refuses what would end it early or leave one out', () => {
    expect(inline('<head><style></style></head>', 'style', 'b{c:d}')).toBe('<head><style>b{c:d}</style></head>');
    expect(() => inline('<style></style><style></style>', 'style', '')).toThrow('exactly one style element');
    expect(() => inline('<style media="x">a</style><style></style>', 'style', '')).toThrow('exactly one style element');
    expect(() => inline('<p></p>', 'script', '')).toThrow('exactly one script element');
    expect(() => inline('<script></script>', 'script', 'x="</SCRIPT>"')).toThrow('must not contain </script');
  });
});
