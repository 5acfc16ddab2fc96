// Optional: when the kazoo fixtures sit beside this project, encode each fixture `json` with the
// call simulator's copy of kz_http_util:json_to_querystring and decode it back.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKazooQuery } from '../../shared/adapter/index.js';
import { encodeLikeKazoo, type WireValue } from '../../tools/kazoo/wire.js';

const FIXTURE_PATH = fileURLToPath(new URL('../../../shared/kazoo/fixtures/kz_http_util_cases.json', import.meta.url));

interface QueryStringCase {
  readonly json: Record<string, WireValue>;
  readonly qs: string;
}

/** The query string has no types: numbers and booleans come back as text. */
function asText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asText(item)]));
  }
  return String(value);
}

describe.skipIf(!existsSync(FIXTURE_PATH))('kz_http_util fixtures round trip', () => {
  const cases = existsSync(FIXTURE_PATH)
    ? (JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as { json_to_querystring: QueryStringCase[] }).json_to_querystring
    : [];

  it.each(cases)('$qs', ({ json, qs }) => {
    expect(encodeLikeKazoo(json)).toBe(qs);
    expect(parseKazooQuery(encodeLikeKazoo(json))).toEqual(asText(json));
    expect(parseKazooQuery(qs)).toEqual(asText(json));
  });

  it('round-trips the §9 example, whose empty object becomes "&&"', () => {
    const json = { Digits: { menu: '1' }, 'User-ID': ['a', 'b'], 'Custom-SIP-Headers': {}, 'Caller-ID-Name': 'Alice Smith' };
    const encoded = encodeLikeKazoo(json);
    expect(encoded).toBe('Digits[menu]=1&User-ID[]=a&User-ID[]=b&&Caller-ID-Name=Alice+Smith');
    expect(parseKazooQuery(encoded)).toEqual({ Digits: { menu: '1' }, 'User-ID': ['a', 'b'], 'Caller-ID-Name': 'Alice Smith' });
  });
});
