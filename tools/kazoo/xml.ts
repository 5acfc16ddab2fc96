/** A parsed XML element (enough for the TwiML Kazoo's xmerl would read; used by the call simulator and the tests). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const entity = ENTITIES[name];
    if (entity === undefined) throw new Error(`unknown entity ${whole}`);
    return entity;
  });
}

/** Parse a whole document; throws on anything that is not well-formed. */
export function parseXml(source: string): XmlElement {
  let at = source.startsWith('<?xml') ? source.indexOf('?>') + 2 : 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at}: ${source.slice(at, at + 30)}`);
  };
  const element = (): XmlElement => {
    const open = /^<([A-Za-z][\w.-]*)((?:\s+[\w.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(source.slice(at)) ?? fail('expected an element');
    at += open[0].length;
    const attributes: Record<string, string> = {};
    for (const [, key, double, single] of (open[2] ?? '').matchAll(/([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (key === undefined || key in attributes) fail('duplicate attribute');
      attributes[key as string] = decode(double ?? single ?? '');
    }
    const children: (XmlElement | string)[] = [];
    if (open[3] === '/') return { name: open[1] as string, attributes, children };
    for (;;) {
      const text = /^[^<]*/.exec(source.slice(at))?.[0] ?? '';
      if (text.includes('>')) fail('stray >');
      if (text !== '') children.push(decode(text));
      at += text.length;
      if (source.startsWith(`</${open[1]}>`, at)) {
        at += open[1]!.length + 3;
        return { name: open[1] as string, attributes, children };
      }
      if (at >= source.length) fail('unclosed element');
      children.push(element());
    }
  };
  while (/\s/.test(source[at] ?? '')) at += 1;
  const root = element();
  if (source.slice(at).trim() !== '') fail('content after the root');
  return root;
}
