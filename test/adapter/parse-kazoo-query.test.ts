import { describe, expect, it } from 'vitest';
import { parseKazooQuery } from '../../shared/adapter/index.js';

describe('parseKazooQuery: kz_http_util json_to_querystring cases (copied from kz_http_util_cases.json)', () => {
  // Numbers arrive as text: the query string has no types.
  const cases: [string, unknown][] = [
    ['', {}],
    ['foo=bar', { foo: 'bar' }],
    ['foo=bar&fizz=buzz', { foo: 'bar', fizz: 'buzz' }],
    ['foo=bar&fizz=buzz&arr[]=1&arr[]=3&arr[]=5', { foo: 'bar', fizz: 'buzz', arr: ['1', '3', '5'] }],
    ['Msg-ID=123-abc', { 'Msg-ID': '123-abc' }],
    ['url=http%3A%2F%2Fuser%3Apass%40host%3Aport%2F', { url: 'http://user:pass@host:port/' }],
    [
      'topkey[subkey1]=v1&topkey[subkey2]=v2&topkey[subkey3][]=v31&topkey[subkey3][]=v32',
      { topkey: { subkey1: 'v1', subkey2: 'v2', subkey3: ['v31', 'v32'] } },
    ],
    ['topkey[subkey1]=v1&topkey[subkey2][k3]=v3', { topkey: { subkey1: 'v1', subkey2: { k3: 'v3' } } }],
    // urlencode_legacy outputs, as values
    ['v=foo', { v: 'foo' }],
    ['v=foo+bar', { v: 'foo bar' }],
    ['v=foo%0A', { v: 'foo\n' }],
    // urlencode_rfc outputs, as values
    ['v=foo%3B%26%3D', { v: 'foo;&=' }],
    ['v=1.1', { v: '1.1' }],
  ];
  it.each(cases)('%j', (query, expected) => {
    expect(parseKazooQuery(query)).toEqual(expected);
  });
});

describe('parseKazooQuery: Kazoo encodings', () => {
  it('decodes the §9 example, empty object segment included', () => {
    expect(parseKazooQuery('Digits[menu]=1&User-ID[]=a&User-ID[]=b&&Caller-ID-Name=Alice+Smith')).toEqual({
      Digits: { menu: '1' },
      'User-ID': ['a', 'b'],
      'Caller-ID-Name': 'Alice Smith',
    });
  });

  it('ignores a leading "?" and runs of empty segments', () => {
    expect(parseKazooQuery('?&&&a=1&&&b=2&&&')).toEqual({ a: '1', b: '2' });
  });

  it('gives a key without "=" an empty value and keeps further "=" in the value', () => {
    expect(parseKazooQuery('flag&a==b&c=')).toEqual({ flag: '', a: '=b', c: '' });
  });

  it('keeps true/false as text', () => {
    expect(parseKazooQuery('x=true&y=false')).toEqual({ x: 'true', y: 'false' });
  });

  it('nests lists in objects and objects in lists', () => {
    expect(parseKazooQuery('k[a][]=1&k[a][]=2&k[b][c][d]=deep&l[][x]=1&l[][y]=2')).toEqual({
      k: { a: ['1', '2'], b: { c: { d: 'deep' } } },
      l: [{ x: '1' }, { y: '2' }],
    });
  });

  it('decodes multi-byte UTF-8 escapes and leaves raw unicode alone', () => {
    expect(parseKazooQuery('n=Ren%C3%A9e+%E2%82%AC%F0%9F%98%80&raw=日本語&%C3%A9=key')).toEqual({
      n: 'Renée €😀',
      raw: '日本語',
      é: 'key',
    });
  });

  it('decodes %XX in keys, so encoded brackets still nest, but keeps "+" in keys literal', () => {
    expect(parseKazooQuery('Custom-SIP-Headers%5BX-Foo%5D=1&a+b=c+d')).toEqual({
      'Custom-SIP-Headers': { 'X-Foo': '1' },
      'a+b': 'c d',
    });
  });

  it('keeps the last value of a repeated key', () => {
    expect(parseKazooQuery('a=1&a=2&o[k]=1&o[k]=2')).toEqual({ a: '2', o: { k: '2' } });
  });

  it('keeps the token: it is a plain decoder', () => {
    expect(parseKazooQuery('token=s3cret')).toEqual({ token: 's3cret' });
  });
});
