import type { LookupConfig } from '../config/types.js';
import { failure, parseAnswer, type LookupResult } from './answer.js';
import type { TtlCache } from './cache.js';

/** What the business's service is told: the same flat keys as a GET query and as a POST JSON body. */
export interface LookupQuery {
  /** E.164, or null when the number cannot be placed (anonymous, an extension). */
  readonly caller_number: string | null;
  readonly caller_number_as_sent: string | null;
  readonly caller_name: string | null;
  readonly dialled: string | null;
  readonly call_id: string | null;
  readonly state: 'open' | 'closed' | 'unknown';
  /** A holiday's reason, when the schedule gives one. */
  readonly reason: string | null;
}

export type LookupOutcome = LookupResult & { readonly cached: boolean };

/** Asks the lookup service about one call; always settles within `config.timeoutMs`, never throws. */
export type CallerLookup = (config: LookupConfig, query: LookupQuery) => Promise<LookupOutcome>;

export const LOOKUP_MAX_BYTES = 16 * 1024;
const MAX_REDIRECTS = 3;
/** Failures are remembered this long at most, so a service that is down costs each caller one wait, not every call. */
const NEGATIVE_CACHE_SECONDS = 10;

/**
 * The lookup client over `cache` (answers per caller number and open/closed state). `defer`
 * keeps the cache write running after the answer is sent (Workers `waitUntil`).
 */
export function callerLookup(cache: TtlCache, defer: (work: Promise<unknown>) => void): CallerLookup {
  return async (config, query) => {
    const key = lookupCacheKey(config, query);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<LookupOutcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ ...failure('timeout', `no answer within ${config.timeoutMs} ms`), cached: false });
      }, config.timeoutMs);
    });
    const work = (async (): Promise<LookupOutcome> => {
      const known = config.cacheSeconds > 0 ? await cache.get(key) : undefined;
      if (isResult(known)) return { ...known, cached: true };
      return { ...(await ask(config, query, controller.signal)), cached: false };
    })();
    const outcome = await Promise.race([work, deadline]);
    clearTimeout(timer);
    if (!outcome.cached && config.cacheSeconds > 0) {
      const { cached: _, ...result } = outcome;
      defer(cache.put(key, result, result.ok ? config.cacheSeconds : Math.min(NEGATIVE_CACHE_SECONDS, config.cacheSeconds)));
    }
    return outcome;
  };
}

/** Answers are kept per lookup service, caller number and open/closed state. */
export function lookupCacheKey(config: LookupConfig, query: LookupQuery): string {
  return `caller-lookup ${config.method} ${config.url} ${query.caller_number ?? query.caller_number_as_sent ?? ''} ${query.state}`;
}

function isResult(value: unknown): value is LookupResult {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** One lookup over HTTP, following at most MAX_REDIRECTS redirects by hand (credentials stay on the first origin). */
async function ask(config: LookupConfig, query: LookupQuery, signal: AbortSignal): Promise<LookupResult> {
  let url = new URL(config.url);
  let method = config.method === 'post' ? 'POST' : 'GET';
  let body = method === 'POST' ? JSON.stringify(query) : undefined;
  if (body === undefined) for (const [key, value] of Object.entries(query)) if (value !== null) url.searchParams.append(key, value);
  const origin = url.origin;
  const seen = new Set([url.href]);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'pivot-edge' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (config.authorization !== undefined && url.origin === origin) headers['authorization'] = config.authorization;
      const response = await fetch(url, { method, headers, redirect: 'manual', signal, ...(body === undefined ? {} : { body }) });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        discard(response);
        const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
        if (next === undefined || !/^https?:$/.test(next.protocol)) return failure(`http-${response.status}`, `HTTP ${response.status} to an unusable location`);
        if (seen.has(next.href)) return failure('redirect-loop', `redirect loop at ${next.host}`);
        if (redirects >= MAX_REDIRECTS) return failure('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`);
        seen.add(next.href);
        if (response.status === 303 || (response.status < 303 && method === 'POST')) [method, body] = ['GET', undefined];
        url = next;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        discard(response);
        return failure(`http-${response.status}`, `HTTP ${response.status}`);
      }
      const text = await readCapped(response, LOOKUP_MAX_BYTES);
      return text === undefined ? failure('too-large', `the body is over ${LOOKUP_MAX_BYTES} bytes`) : parseAnswer(text);
    }
  } catch (error) {
    return failure('unreachable', `${url.host}: ${reason(error)}`);
  }
}

/** The body as text, or undefined past `max` bytes (reading stops there). */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    discard(response);
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.byteLength), 0);
  return new TextDecoder().decode(bytes);
}

function discard(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}

/** The low-level cause (`ECONNREFUSED`, ...) rather than fetch's generic "fetch failed". */
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const text = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
  return text.slice(0, 120);
}
