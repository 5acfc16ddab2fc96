/**
 * Kazoo's side of the wire, as kz_http_util does it (pivot-protocol.md §1.1, §4.4): the query
 * string and form body encoder, and the resolver of relative TwiML URLs.
 */

/** A parameter value as Pivot holds it: text, a list (`Key[]=v`) or an object (`Key[sub]=v`). */
export type WireValue = string | number | boolean | readonly WireValue[] | { readonly [key: string]: WireValue };

/** `json_to_querystring`: keys raw, values in legacy encoding, an empty object as an empty segment (`&&`). */
export function encodeLikeKazoo(params: Readonly<Record<string, WireValue>>): string {
  return Object.entries(params).map(([key, value]) => encodeValue(key, value)).join('&');
}

function encodeValue(key: string, value: WireValue): string {
  if (Array.isArray(value)) return value.map((item: WireValue) => encodeValue(`${key}[]`, item)).join('&');
  if (typeof value === 'object') return Object.entries(value).map(([sub, item]) => encodeValue(`${key}[${sub}]`, item)).join('&');
  return `${key}=${legacyEncode(String(value))}`;
}

const KEPT = /[A-Za-z0-9.\-~_]/;

/** `urlencode` legacy mode: `A-Za-z0-9 . - ~ _` kept, space as `+`, every other byte `%XX`. */
export function legacyEncode(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += KEPT.test(char) ? char : char === ' ' ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * `resolve_uri(Current, Relative)`: an absolute `http…` URL as is; otherwise joined by path
 * segments, where a leading `/` is not root-relative and a last segment without an extension counts
 * as a directory (`next` against `http://h/a/start` is `http://h/a/start/next`).
 */
export function resolveLikeKazoo(current: string, relative: string | undefined): string {
  if (relative === undefined) return current;
  if (relative.startsWith('http')) return relative;
  const tokens = current.split('/').reverse();
  for (const segment of relative.split('/')) {
    if (segment === '..') tokens.shift();
    else if (segment === '.' || segment === '') continue;
    else if (tokens[0] === '') tokens[0] = segment;
    else if (hasExtension(tokens[0] ?? '')) tokens[0] = segment;
    else tokens.unshift(segment);
  }
  return tokens.reverse().join('/');
}

/** Erlang's filename:extension: a dot after the last `/`, not leading the name. */
function hasExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0;
}
