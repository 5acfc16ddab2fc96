import { afterEach, describe, expect, it } from 'vitest';
import { parseKazooQuery, readPivotRequest, type ParamValue } from '../../shared/adapter/index.js';
import { BASE, EMPTY, formPost, getRequest, jsonPost } from './requests.js';

describe('garbage in the query: exact outputs', () => {
  it.each<[string, Record<string, ParamValue>, string[]]>([
    ['a[b]c=1', { 'a[b]c': '1' }, ['query: malformed brackets in "a[b]c", kept the name as is']],
    ['[=x', { '[': 'x' }, ['query: malformed brackets in "[", kept the name as is']],
    ['[a]=x&b[c=y', { '[a]': 'x', 'b[c': 'y' }, [
      'query: malformed brackets in "[a]", kept the name as is',
      'query: malformed brackets in "b[c", kept the name as is',
    ]],
    ['=x&v=1', { v: '1' }, ['query: parameter without a name at position 0, ignored']],
    ['a=%zz&b=x%4&c=%', { a: '%zz', b: 'x%4', c: '%' }, [
      'query: bad %-escape at position 2, kept as is',
      'query: bad %-escape at position 9, kept as is',
      'query: bad %-escape at position 14, kept as is',
    ]],
    ['a=%E9t%C3', { a: '\uFFFDt\uFFFD' }, [
      'query: %-escapes at position 2 are not valid UTF-8, replaced with U+FFFD',
      'query: %-escapes at position 6 are not valid UTF-8, replaced with U+FFFD',
    ]],
    ['a=1&a=2', { a: '2' }, ['repeated parameter "a", kept the last value']],
  ])('%s', async (query, params, problems) => {
    expect(parseKazooQuery(query)).toEqual(params);
    expect(await readPivotRequest(getRequest(query))).toEqual({ ...EMPTY, params, problems });
  });

  it('Digits[]=1: a list is neither plain digits nor collections', async () => {
    expect(await readPivotRequest(getRequest('Digits[]=1'))).toEqual({
      ...EMPTY,
      params: { Digits: ['1'] },
      problems: ['"Digits" is a list, expected an object'],
    });
  });

  it('Digits[x][y]=1: a nested collection is not digits', async () => {
    expect(await readPivotRequest(getRequest('Digits[x][y]=1&Digits[ok]=5'))).toEqual({
      ...EMPTY,
      digitCollections: { ok: '5' },
      params: { Digits: { x: { y: '1' }, ok: '5' } },
      problems: ['"Digits[x]" is an object, expected text'],
    });
  });

  it('a name sent as text and as a list: params keeps the list, the typed field the text', async () => {
    expect(await readPivotRequest(getRequest('Call-ID=c1&Call-ID[]=c2'))).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      callId: 'c1',
      params: { 'Call-ID': ['c2'] },
      problems: ['"Call-ID" was sent in several shapes, params keeps the list'],
    });
  });
});

describe('prototype keys', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps __proto__, constructor and prototype as plain data', () => {
    const query = '__proto__[polluted]=1&constructor[prototype][polluted]=2&prototype=3&a[__proto__][polluted]=4';
    const result = parseKazooQuery(query);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__', 'constructor', 'prototype', 'a']);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({ polluted: '1' });
    expect(result['constructor']).toEqual({ prototype: { polluted: '2' } });
    expect(result['prototype']).toBe('3');
    const nested = result['a'] as Record<string, ParamValue>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toEqual({ polluted: '4' });
  });

  it('keeps JSON __proto__ keys as plain data and does not read inherited names as fields', async () => {
    const result = await readPivotRequest(
      formPost('{"__proto__":{"polluted":"1"},"Custom-Application-Vars":{"__proto__":"x"}}', '', 'application/json'),
    );
    expect(Object.getOwnPropertyDescriptor(result.params, '__proto__')?.value).toEqual({ polluted: '1' });
    expect(Object.getOwnPropertyDescriptor(result.customApplicationVars, '__proto__')?.value).toBe('x');
    expect(result.digitCollections).toEqual({});
    expect(result.callId).toBeUndefined();
  });
});

describe('bounds', () => {
  it('reads at most 1000 parameters per source', () => {
    const query = Array.from({ length: 1005 }, (_, index) => `p${index}=${index}`).join('&');
    const result = parseKazooQuery(query);
    expect(Object.keys(result)).toHaveLength(1000);
    expect(result['p999']).toBe('999');
    expect(result['p1000']).toBeUndefined();
  });

  it('notes the parameter limit', async () => {
    const body = Array.from({ length: 1001 }, () => 'a[]=1').join('&');
    const result = await readPivotRequest(formPost(body));
    expect(result.params['a']).toHaveLength(1000);
    expect(result.problems).toEqual(['body: more than 1000 parameters, ignored the rest']);
  });

  it('ignores keys nested deeper than 32 levels', async () => {
    const deep = `a${'[x]'.repeat(33)}=1`;
    const result = await readPivotRequest(getRequest(`${deep}&b=2`));
    expect(result.params).toEqual({ b: '2' });
    expect(result.problems).toEqual([`query: "a${'[x]'.repeat(19)}[x…" nests deeper than 32 levels, ignored`]);
  });

  it('ignores JSON nested deeper than 32 levels without overflowing the stack', async () => {
    const body = `{"a":${'['.repeat(20000)}${']'.repeat(20000)},"Call-ID":"c1"}`;
    const result = await readPivotRequest(formPost(body, '', 'application/json'));
    expect(result.callId).toBe('c1');
    expect(result.problems).toEqual(['body: values nested deeper than 32 levels, ignored']);
  });

  it('ignores a body over 64 KiB announced by Content-Length, keeping the query', async () => {
    const result = await readPivotRequest(formPost(`a=${'x'.repeat(70_000)}`, 'CallSid=c1'));
    expect(result).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c1',
      params: { CallSid: 'c1' },
      problems: ['body: larger than 65536 bytes, ignored'],
    });
  });

  it('stops reading a streamed body once it passes 64 KiB', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode('a=1&'.repeat(4096)));
      },
    });
    const request = new Request(`${BASE}?CallSid=c1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    const result = await readPivotRequest(request);
    expect(result.params).toEqual({ CallSid: 'c1' });
    expect(result.problems).toEqual(['body: larger than 65536 bytes, ignored']);
    expect(pulls).toBeLessThan(10);
  });

  it('caps the problem list at 50 entries plus a count', async () => {
    const result = await readPivotRequest(getRequest(`a=${'%zz'.repeat(60)}`));
    expect(result.problems).toHaveLength(51);
    expect(result.problems[0]).toBe('query: bad %-escape at position 2, kept as is');
    expect(result.problems[50]).toBe('10 more problems not listed');
  });
});

describe('unreadable requests', () => {
  it('notes a body stream that fails', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const request = new Request(`${BASE}?CallSid=c1`, { method: 'POST', body: failing, duplex: 'half' } as RequestInit);
    expect(await readPivotRequest(request)).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c1',
      params: { CallSid: 'c1' },
      problems: ['body: could not be read, ignored'],
    });
  });

  it('notes a body someone already read', async () => {
    const request = formPost('CallSid=c2', 'CallSid=c1');
    await request.text();
    expect((await readPivotRequest(request)).problems).toEqual(['body: already read by someone else, ignored']);
  });

  it('notes invalid UTF-8 bytes in a body', async () => {
    const request = new Request(BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Uint8Array.from([0x61, 0x3d, 0xff, 0x62]),
    });
    expect(await readPivotRequest(request)).toEqual({
      ...EMPTY,
      httpMethod: 'POST',
      params: { a: '\uFFFDb' },
      problems: ['body: not valid UTF-8, replaced bad bytes with U+FFFD'],
    });
  });

  it('resolves, not rejects, for something that is not a Request', async () => {
    expect(await readPivotRequest(null as unknown as Request)).toEqual({
      ...EMPTY,
      httpMethod: '',
      problems: ['request could not be read (unexpected error)'],
    });
  });
});

describe('the token never leaks', () => {
  const SECRET = 'S3CRET-VALUE';
  it.each<[string, () => Request]>([
    ['query', () => getRequest(`token=${SECRET}&Call-ID=c1`)],
    ['form body', () => formPost(`token=${SECRET}&token=${SECRET}%zz&Call-ID=c1`)],
    ['JSON body', () => jsonPost({ token: SECRET, 'Call-ID': 'c1' })],
    ['broken JSON body', () => formPost(`{"token":"${SECRET}"`, '', 'application/json')],
  ])('from the %s', async (_, makeRequest) => {
    const result = await readPivotRequest(makeRequest());
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.params).not.toHaveProperty('token');
  });
});

describe('random input', () => {
  // Deterministic pseudo-random generator, so a failure can be replayed.
  function randomText(seed: number, length: number): string {
    const alphabet = ['a', 'Z', '0', '%', '2', 'F', 'g', '[', ']', '&', '=', '+', ' ', 'é', '😀', '\u0000', '\uD800', '{', '"'];
    let state = seed;
    let text = '';
    for (let index = 0; index < length; index += 1) {
      state = (state * 1103515245 + 12345) % 2147483648;
      text += alphabet[state % alphabet.length] ?? '';
    }
    return text;
  }

  function onlyTextLeaves(value: ParamValue): boolean {
    if (typeof value === 'string') return true;
    return Object.values(value).every(onlyTextLeaves);
  }

  it('always returns plain data with text leaves', async () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const text = randomText(seed, (seed * 7) % 400);
      const parsed = parseKazooQuery(text);
      expect(Object.values(parsed).every(onlyTextLeaves)).toBe(true);
      const result = await readPivotRequest(formPost(text, '', seed % 2 === 0 ? null : 'application/json'));
      expect(Object.values(result.params).every(onlyTextLeaves)).toBe(true);
      expect(result.problems.every((problem) => typeof problem === 'string')).toBe(true);
    }
  });

  it('reads random bytes as a body without failing', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
    const request = new Request(`${BASE}?CallSid=c1`, { method: 'POST', body: bytes });
    const result = await readPivotRequest(request);
    expect(result.callId).toBe('c1');
    expect(result.problems).toContain('body: not valid UTF-8, replaced bad bytes with U+FFFD');
  });
});
