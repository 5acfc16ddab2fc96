import { encodeLikeKazoo, type WireValue } from '../../kazoo/wire.js';

/** Kazoo's own limit for a Pivot request (system_config pivot.request_timeout_ms). */
export const KAZOO_TIMEOUT_MS = 5000;
const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpOptions {
  readonly timeoutMs: number;
  readonly connectTo: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch;
}

export interface HttpResult {
  readonly status?: number;
  readonly ms: number;
  readonly error?: string;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
}

/**
 * The URL without its userinfo, and the `Authorization: Basic` Kazoo's HTTP client (and
 * FreeSWITCH's) sends for it; fetch itself refuses URLs with credentials.
 */
export function splitCredentials(url: string): { readonly url: string; readonly authorization?: string } {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { url };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return { url: parsed.toString(), authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

/** A URL fit to print: no password, no `token=` value. */
export function shownUrl(url: string): string {
  return url.replace(/(\/\/[^/@\s:]*:)[^/@\s]*@/, '$1•••@').replace(/([?&]token=)[^&#]*/gi, '$1•••');
}

function connected(url: string, connectTo: Readonly<Record<string, string>>): string {
  for (const [from, to] of Object.entries(connectTo)) {
    if (url === from || url.startsWith(`${from}/`) || url.startsWith(`${from}?`)) return to + url.slice(from.length);
  }
  return url;
}

/** One HTTP exchange with Kazoo's manners: credentials from userinfo, no redirects followed, the timeout, the body read whole. */
export async function exchange(url: string, init: { method: string; headers?: Record<string, string>; body?: BodyInit }, options: HttpOptions): Promise<HttpResult> {
  const { url: target, authorization } = splitCredentials(url);
  const headers: Record<string, string> = { 'user-agent': 'pivot-edge-call-simulator', ...options.headers, ...init.headers };
  if (authorization !== undefined) headers.authorization = authorization;
  const started = performance.now();
  try {
    const response = await options.fetch(connected(target, options.connectTo), {
      method: init.method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ms = Math.round(performance.now() - started);
    if (bytes.byteLength > MAX_BODY_BYTES) return { status: response.status, ms, headers: response.headers, bytes: bytes.subarray(0, MAX_BODY_BYTES) };
    return { status: response.status, ms, headers: response.headers, bytes };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const reason = timedOut ? `no answer within ${options.timeoutMs} ms` : error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
    return { ms, error: reason, headers: new Headers(), bytes: new Uint8Array() };
  }
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause === undefined ? '' : ` (${cause.code ?? cause.message ?? ''})`;
}

/**
 * A Pivot request as Kazoo sends it (pivot-protocol.md §1.1): GET appends the params to the URL
 * (`?` or `&`); POST sends them as a form body or a JSON object. No other headers.
 */
export function pivotHttp(url: string, method: 'GET' | 'POST', bodyFormat: 'form' | 'json', params: Readonly<Record<string, WireValue>>): { url: string; init: { method: string; headers?: Record<string, string>; body?: string } } {
  if (method === 'GET') return { url: `${url}${url.includes('?') ? '&' : '?'}${encodeLikeKazoo(params)}`, init: { method } };
  if (bodyFormat === 'json') return { url, init: { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) } };
  return { url, init: { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeLikeKazoo(params) } };
}
