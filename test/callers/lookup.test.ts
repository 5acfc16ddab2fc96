// The lookup client against a real HTTP receiver on 127.0.0.1: every way the business's service can
// fail ends in a failure that says why, within the budget, and answers are cached per caller.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryCache, type TtlCache } from '../../shared/callers/cache.js';
import { callerLookup, type LookupQuery } from '../../shared/callers/lookup.js';
import type { LookupConfig } from '../../shared/config/types.js';
import { json, startReceiver, type Handle, type Receiver } from './receiver.js';

const QUERY: LookupQuery = {
  caller_number: '+14155550100',
  caller_number_as_sent: '14155550100',
  caller_name: 'Alice Smith',
  dialled: '5000',
  call_id: 'abc123@192.168.1.2',
  state: 'closed',
  reason: 'Christmas',
};
const SALLY = { name: 'Sally', say: 'Your current account balance is 5 dollars and 72 cents.', route: 'default' };

let receiver: Receiver;
let pending: Promise<unknown>[];
let clock: number;
let cache: TtlCache;

async function serve(handle: Handle): Promise<Receiver> {
  receiver = await startReceiver(handle);
  return receiver;
}

function lookupConfig(path = '/who', overrides: Partial<LookupConfig> = {}): LookupConfig {
  return { url: `${receiver.origin}${path}`, method: 'get', timeoutMs: 1000, cacheSeconds: 0, overrides: false, ...overrides };
}

/** One lookup, with the cache writes it deferred finished before it returns. */
async function ask(config: LookupConfig, query: LookupQuery = QUERY) {
  const outcome = await callerLookup(cache, (work) => void pending.push(work))(config, query);
  await Promise.all(pending.splice(0));
  return outcome;
}

beforeEach(() => {
  pending = [];
  clock = Date.parse('2026-11-23T15:00:00Z');
  cache = memoryCache(1000, () => clock);
});
afterEach(async () => receiver?.close());

describe('the lookup request', () => {
  it('GET: the caller (normalised and as sent), the dialled number, the call and the state, in the query', async () => {
    await serve((_request, response) => json(response, 200, SALLY));
    const outcome = await ask(lookupConfig('/who?site=2'));
    expect(outcome).toEqual({ ok: true, answer: { name: 'Sally', say: SALLY.say, route: 'default' }, cached: false });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: 'GET', path: '/who', body: '' });
    expect(request?.query).toEqual({ site: '2', ...QUERY });
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('POST: the same keys as a JSON body, nulls included', async () => {
    await serve((_request, response) => json(response, 200, { route: 'voicemail' }));
    const query = { ...QUERY, caller_name: null, reason: null };
    const outcome = await ask(lookupConfig('/who', { method: 'post' }), query);
    expect(outcome).toEqual({ ok: true, answer: { route: 'voicemail' }, cached: false });
    const [request] = receiver.received;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(query);
  });

  it('sends the configured Authorization header', async () => {
    await serve((_request, response) => json(response, 200, {}));
    await ask(lookupConfig('/who', { authorization: 'Bearer s3cret' }));
    expect(receiver.received[0]?.headers.authorization).toBe('Bearer s3cret');
  });

  it('an empty 2xx (204) means nothing is known: the normal rules', async () => {
    await serve((_request, response) => response.writeHead(204).end());
    expect(await ask(lookupConfig())).toEqual({ ok: true, answer: { route: 'default' }, cached: false });
  });

  it('follows a redirect, keeping the credentials on the first origin only', async () => {
    const other = await startReceiver((_request, response) => json(response, 200, { name: 'Bob' }));
    try {
      await serve((request, response) => {
        if (request.path === '/who') response.writeHead(307, { location: '/moved' }).end();
        else response.writeHead(302, { location: `${other.origin}/elsewhere` }).end();
      });
      const outcome = await ask(lookupConfig('/who', { method: 'post', authorization: 'Bearer s3cret' }));
      expect(outcome).toEqual({ ok: true, answer: { name: 'Bob', route: 'default' }, cached: false });
      expect(receiver.received.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
        ['POST', '/who', 'Bearer s3cret'],
        ['POST', '/moved', 'Bearer s3cret'],
      ]);
      // A 302 after a POST continues as a GET, like browsers do; the other origin never sees the token.
      expect(other.received.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([['GET', '/elsewhere', undefined]]);
    } finally {
      await other.close();
    }
  });
});

describe('every failure says why', () => {
  it('slow past the budget: timeout, without waiting for the service', async () => {
    await serve((_request, response) => void setTimeout(() => json(response, 200, SALLY), 10_000));
    const outcome = await ask(lookupConfig('/who', { timeoutMs: 200 }));
    expect(outcome).toEqual({ ok: false, why: 'timeout', detail: 'no answer within 200 ms', cached: false });
  }, 5000);

  it('a body that starts but never ends is a timeout too (the budget covers reading it)', async () => {
    await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"name": "Sal');
    });
    expect(await ask(lookupConfig('/who', { timeoutMs: 300 }))).toMatchObject({ ok: false, why: 'timeout' });
  }, 5000);

  it('500', async () => {
    await serve((_request, response) => json(response, 500, { error: 'boom' }));
    expect(await ask(lookupConfig())).toEqual({ ok: false, why: 'http-500', detail: 'HTTP 500', cached: false });
  });

  it('404 (any non-2xx)', async () => {
    await serve((_request, response) => response.writeHead(404).end('not found'));
    expect(await ask(lookupConfig())).toMatchObject({ ok: false, why: 'http-404' });
  });

  it('invalid JSON', async () => {
    await serve((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"name": "Sally",'));
    expect(await ask(lookupConfig())).toEqual({ ok: false, why: 'not-json', detail: 'the body is not JSON', cached: false });
  });

  it('JSON that is not an answer', async () => {
    await serve((request, response) => json(response, 200, request.path === '/list' ? ['Sally'] : { name: 42 }));
    expect(await ask(lookupConfig('/list'))).toMatchObject({ ok: false, why: 'bad-answer', detail: 'expected a JSON object' });
    expect(await ask(lookupConfig('/typed'))).toMatchObject({ ok: false, why: 'bad-answer', detail: '"name" must be a string' });
  });

  it('a 10 MB body, declared or chunked: too large, and reading stops at the cap', async () => {
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 'x');
    await serve((request, response) => {
      if (request.path === '/declared') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(tenMegabytes.length) }).end(tenMegabytes);
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        for (let offset = 0; offset < tenMegabytes.length; offset += 64 * 1024) response.write(tenMegabytes.subarray(offset, offset + 64 * 1024));
        response.end();
      }
    });
    expect(await ask(lookupConfig('/declared'))).toEqual({ ok: false, why: 'too-large', detail: 'the body is over 16384 bytes', cached: false });
    expect(await ask(lookupConfig('/chunked'))).toEqual({ ok: false, why: 'too-large', detail: 'the body is over 16384 bytes', cached: false });
  });

  it('a redirect loop, and too many redirects', async () => {
    await serve((request, response) => {
      const hop = Number(request.path.slice(2));
      const next = request.path.startsWith('/a') ? '/b' : request.path.startsWith('/b') ? '/a' : `/r${hop + 1}`;
      response.writeHead(302, { location: next }).end();
    });
    expect(await ask(lookupConfig('/a'))).toEqual({ ok: false, why: 'redirect-loop', detail: `redirect loop at ${new URL(receiver.origin).host}`, cached: false });
    expect(await ask(lookupConfig('/r1'))).toEqual({ ok: false, why: 'too-many-redirects', detail: 'more than 3 redirects', cached: false });
    // The first /a carried the call's query, so the loop shows on the second visit of /b: no URL is asked twice.
    expect(receiver.received.map((request) => request.path)).toEqual(['/a', '/b', '/a', '/r1', '/r2', '/r3', '/r4']);
  });

  it('a redirect to something that is not http(s)', async () => {
    await serve((_request, response) => response.writeHead(301, { location: 'file:///etc/passwd' }).end());
    expect(await ask(lookupConfig())).toMatchObject({ ok: false, why: 'http-301', detail: 'HTTP 301 to an unusable location' });
  });

  it('connection refused', async () => {
    await serve(() => undefined);
    const config = lookupConfig();
    await receiver.close();
    expect(await ask(config)).toEqual({ ok: false, why: 'unreachable', detail: `${new URL(config.url).host}: ECONNREFUSED`, cached: false });
  });

  it('a route that is not one of ours, and a target that fails validation', async () => {
    await serve((request, response) => json(response, 200, { route: request.query.route }));
    expect(await ask(lookupConfig('/who?route=sales'))).toEqual({
      ok: false,
      why: 'unknown-route',
      detail: 'route "sales" is not default, vip, block, voicemail, menu, device:ID, user:ID or number:+E164',
      cached: false,
    });
    expect(await ask(lookupConfig('/who?route=device:not-an-id'))).toEqual({
      ok: false,
      why: 'bad-target',
      detail: 'route: expected a Kazoo id of 32 hex characters, found "not-an-id" (from "device:not-an-id")',
      cached: false,
    });
    expect(await ask(lookupConfig('/who?route=number:4155550100'))).toMatchObject({ ok: false, why: 'bad-target' });
  });
});

describe('answers', () => {
  it('routes: the named ones, and device, user and number targets', async () => {
    await serve((request, response) => json(response, 200, { route: request.query.route }));
    const route = async (text: string) => {
      const outcome = await ask(lookupConfig(`/who?route=${encodeURIComponent(text)}`));
      return outcome.ok ? outcome.answer.route : outcome.why;
    };
    for (const named of ['default', 'vip', 'block', 'voicemail', 'menu']) expect(await route(named)).toBe(named);
    expect(await route(' VIP ')).toBe('vip');
    expect(await route('device:A1B2C3D4E5F60718293A4B5C6D7E8F90')).toEqual({ kind: 'device', id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
    expect(await route('user:0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toEqual({ kind: 'user', id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' });
    expect(await route('number:+1 (555) 123-4567')).toEqual({ kind: 'number', number: '+15551234567' });
  });

  it('spoken text is cleaned and capped by code points', async () => {
    const say = `\u0000${'😀'.repeat(600)}`;
    await serve((_request, response) => json(response, 200, { name: `  Sal\u202Ely\u0007 ${'x'.repeat(100)}`, say }));
    const outcome = await ask(lookupConfig());
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.answer.name).toBe(`Sal ly ${'x'.repeat(43)}`);
    expect(outcome.answer.say).toBe('😀'.repeat(500));
  });
});

describe('the cache', () => {
  it('answers again from the cache per caller and state, until CALLER_LOOKUP_CACHE_SECONDS pass', async () => {
    await serve((_request, response) => json(response, 200, SALLY));
    const config = lookupConfig('/who', { cacheSeconds: 60 });
    expect(await ask(config)).toMatchObject({ ok: true, cached: false });
    expect(await ask(config)).toMatchObject({ ok: true, cached: true, answer: { name: 'Sally' } });
    expect(receiver.received).toHaveLength(1);
    // Another caller, or the same caller once the business has opened: asked again.
    expect(await ask(config, { ...QUERY, caller_number: '+14155550199' })).toMatchObject({ cached: false });
    expect(await ask(config, { ...QUERY, state: 'open' })).toMatchObject({ cached: false });
    expect(receiver.received).toHaveLength(3);
    clock += 59_000;
    expect(await ask(config)).toMatchObject({ cached: true });
    clock += 2000;
    expect(await ask(config)).toMatchObject({ cached: false });
    expect(receiver.received).toHaveLength(4);
  });

  it('remembers a failure for a shorter time (10 s)', async () => {
    await serve((_request, response) => json(response, 500, {}));
    const config = lookupConfig('/who', { cacheSeconds: 60 });
    expect(await ask(config)).toMatchObject({ ok: false, why: 'http-500', cached: false });
    expect(await ask(config)).toMatchObject({ ok: false, why: 'http-500', cached: true });
    expect(receiver.received).toHaveLength(1);
    clock += 10_001;
    expect(await ask(config)).toMatchObject({ ok: false, cached: false });
    expect(receiver.received).toHaveLength(2);
  });

  it('a timeout is remembered too, so the next call from that number does not wait again', async () => {
    await serve(() => undefined);
    const config = lookupConfig('/who', { cacheSeconds: 60, timeoutMs: 150 });
    expect(await ask(config)).toMatchObject({ ok: false, why: 'timeout', cached: false });
    expect(await ask(config)).toMatchObject({ ok: false, why: 'timeout', cached: true });
    expect(receiver.received).toHaveLength(1);
  }, 5000);

  it('CALLER_LOOKUP_CACHE_SECONDS=0 asks every time', async () => {
    await serve((_request, response) => json(response, 200, SALLY));
    await ask(lookupConfig());
    await ask(lookupConfig());
    expect(receiver.received).toHaveLength(2);
  });

  it('the memory cache is bounded: the least recently used entry goes first', async () => {
    const small = memoryCache(2, () => clock);
    await small.put('a', 1, 60);
    await small.put('b', 2, 60);
    expect(await small.get('a')).toBe(1);
    await small.put('c', 3, 60);
    expect([await small.get('a'), await small.get('b'), await small.get('c')]).toEqual([1, undefined, 3]);
  });
});
