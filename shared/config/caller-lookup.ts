import type { EnvReader } from './read.js';
import type { LookupConfig } from './types.js';

/** Kazoo gives a Pivot request 5 s in all; the lookup must leave room for everything else. */
export const LOOKUP_MAX_TIMEOUT_MS = 3000;

/** CALLER_LOOKUP_URL and its settings; undefined when the URL is unset or invalid. */
export function readLookup(read: EnvReader): LookupConfig | undefined {
  const target = readLookupUrl(read);
  const method = read.choice('CALLER_LOOKUP_METHOD', ['get', 'post'], 'get');
  const timeoutMs = read.integer('CALLER_LOOKUP_TIMEOUT_MS', 100, LOOKUP_MAX_TIMEOUT_MS, 1500);
  const cacheSeconds = read.integer('CALLER_LOOKUP_CACHE_SECONDS', 0, 86_400, 60);
  const overrides = read.choice('CALLER_LOOKUP_OVERRIDES', ['true', 'false'], 'false') === 'true';
  const authorization = readAuthorization(read) ?? target?.userinfo;
  if (target === undefined) return undefined;
  return Object.freeze({ url: target.url, method, timeoutMs, cacheSeconds, overrides, ...(authorization === undefined ? {} : { authorization }) });
}

/** The URL without userinfo, and the userinfo as a Basic credential. Messages never repeat credentials. */
function readLookupUrl(read: EnvReader): { readonly url: string; readonly userinfo?: string } | undefined {
  const raw = read.text('CALLER_LOOKUP_URL');
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url === undefined || !/^https?:$/.test(url.protocol) || !/^https?:\/\/[^\s/?#]+/i.test(raw)) {
    // Not quoted: its userinfo or its query may hold a key, and this message reaches logs.
    return read.problem('CALLER_LOOKUP_URL', 'expected an absolute http:// or https:// URL (not quoted: it may hold a key)');
  }
  if (url.username === '' && url.password === '') return { url: url.href };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url: url.href, userinfo: `Basic ${base64(credentials)}` };
}

/** CALLER_LOOKUP_AUTH: a whole header value (`Bearer abc`, `Basic ...`), or a bare token sent as Bearer. */
function readAuthorization(read: EnvReader): string | undefined {
  const raw = read.text('CALLER_LOOKUP_AUTH');
  if (raw === undefined) return undefined;
  // The value is a secret: the message says what is wrong, never what it is.
  if (!/^[\x21-\x7E]+( [\x21-\x7E]+)*$/.test(raw)) {
    return read.problem('CALLER_LOOKUP_AUTH', 'expected a header value like "Bearer TOKEN": printable ASCII, single spaces');
  }
  return raw.includes(' ') ? raw : `Bearer ${raw}`;
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
