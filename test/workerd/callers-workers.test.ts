// front-desk inside workerd asking a real lookup service (a Node server on 127.0.0.1, started by
// the project's globalSetup): the answer shapes the flow, failures fall back within the budget,
// and the answer lands in the Cache API through waitUntil.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import frontDesk from '../../functions/front-desk/worker.js';
import { lookupCacheKey } from '../../shared/callers/lookup.js';
import { parseConfig } from '../../shared/config/index.js';
import { cacheApi } from '../../shared/platform/workers-cache.js';
import { ADMIN } from './tokens.js';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const BALANCE = 'Your current account balance is 5 dollars and 72 cents.';
const origin = inject('lookupOrigin');
const vars = {
  ...env,
  TIMEZONE: 'America/New_York',
  FRONT_DESK_DEVICE_ID: DEVICE,
  DEFAULT_COUNTRY_CODE: '1',
  GREETING_OPEN: 'Hello {name}.',
  PUBLIC_BASE_URL: 'https://pivot-edge-front-desk.acme.workers.dev',
  ADMIN_TOKEN: ADMIN,
};
// Monday 2026-11-23 10:00 in New York: open.
const OPEN = { 'x-simulate-at': '2026-11-23T15:00:00Z', 'x-admin-token': ADMIN };
const get = (caller: string) =>
  `https://pivot-edge-front-desk.acme.workers.dev/?Call-ID=w-${caller}&Caller-ID-Number=${encodeURIComponent(caller)}&Caller-ID-Name=Sally&To=5000&Direction=inbound`;

async function call(url: string, environment: object): Promise<{ module: string; data: { text?: string }; children: { _?: { module: string } } }> {
  const ctx = createExecutionContext();
  const response = await frontDesk.fetch(new Request(url, { headers: OPEN }), environment, ctx as never);
  await waitOnExecutionContext(ctx);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  return response.json();
}
const seen = async (): Promise<string[]> => (await fetch(`${origin}/seen`)).json();

// The Worker's log lines, read by the tests instead of printed.
let warnings: { why?: string; cached?: boolean }[];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(JSON.parse(line) as { why?: string }));
});
afterEach(() => vi.restoreAllMocks());

describe('the caller lookup inside a Worker', () => {
  it('greets by name with the say, and keeps the answer in the Cache API', async () => {
    const environment = { ...vars, CALLER_LOOKUP_URL: `${origin}/who` };
    const flow = await call(get('4155550111'), environment);
    expect(flow).toMatchObject({ module: 'tts', data: { text: `Hello Sally. ${BALANCE}` }, children: { _: { module: 'device' } } });
    expect((await seen()).filter((entry) => entry === '/who +14155550111')).toHaveLength(1);
    // The Cache API itself (not just the isolate's memory) holds the answer, written through waitUntil.
    const lookup = parseConfig(environment).callers.lookup!;
    const key = lookupCacheKey(lookup, { caller_number: '+14155550111', caller_number_as_sent: '4155550111', caller_name: 'Sally', dialled: '5000', call_id: 'x', state: 'open', reason: null });
    expect(await cacheApi().get(key)).toEqual({ ok: true, answer: { name: 'Sally', say: BALANCE, route: 'default' } });
    // Asked again: answered from the cache, the service is not asked twice.
    expect(await call(get('+1 415 555 0111'), environment)).toMatchObject({ data: { text: `Hello Sally. ${BALANCE}` } });
    expect((await seen()).filter((entry) => entry === '/who +14155550111')).toHaveLength(1);
  });

  it('a service that never answers: the normal flow once the budget is spent', async () => {
    const flow = await call(get('4155550122'), { ...vars, CALLER_LOOKUP_URL: `${origin}/slow`, CALLER_LOOKUP_TIMEOUT_MS: '200' });
    expect(flow).toMatchObject({ module: 'tts', data: { text: 'Hello.' }, children: { _: { module: 'device' } } });
    expect(warnings).toMatchObject([{ event: 'caller_lookup_failed', why: 'timeout', cached: false }]);
  });

  it('a 500: the normal flow, and the failure is cached briefly', async () => {
    const environment = { ...vars, CALLER_LOOKUP_URL: `${origin}/fail` };
    expect(await call(get('4155550133'), environment)).toMatchObject({ data: { text: 'Hello.' } });
    expect(await call(get('4155550133'), environment)).toMatchObject({ data: { text: 'Hello.' } });
    expect((await seen()).filter((entry) => entry === '/fail +14155550133')).toHaveLength(1);
    expect(warnings).toMatchObject([{ why: 'http-500', cached: false }, { why: 'http-500', cached: true }]);
  });
});

describe('cacheApi', () => {
  it('stores JSON under any string key, and misses what it never stored', async () => {
    const cache = cacheApi('pivot-edge-test');
    await cache.put('a key with spaces / and ? marks', { ok: true, list: [1, 2] }, 60);
    expect(await cache.get('a key with spaces / and ? marks')).toEqual({ ok: true, list: [1, 2] });
    expect(await cache.get('never stored')).toBeUndefined();
  });
});
