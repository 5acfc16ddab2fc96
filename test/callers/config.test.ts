import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { loadConfigWithoutCallers } from '../../shared/config/without-callers.js';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
// TIMEZONE is required; set so only the variables under test can be reported.
const parse = (env: Record<string, string>) => parseConfig({ TIMEZONE: 'UTC', ...env });
const messages = (env: Record<string, string>) => parse(env).problems.map((problem) => problem.message);

describe('caller settings', () => {
  it('normalises VIP_NUMBERS and BLOCKED_NUMBERS with DEFAULT_COUNTRY_CODE; commas, semicolons or lines between', () => {
    const { callers } = parse({
      DEFAULT_COUNTRY_CODE: '+1',
      VIP_NUMBERS: '+1 (415) 886-7900, 415-555-0100;\n14155550101',
      BLOCKED_NUMBERS: '0044 20 7946 0000',
      BLOCK_ANONYMOUS: 'TRUE',
    });
    expect(callers.countryCode).toBe('1');
    expect([...callers.vipNumbers]).toEqual(['+14158867900', '+14155550100', '+14155550101']);
    expect([...callers.blockedNumbers]).toEqual(['+442079460000']);
    expect(callers.blockAnonymous).toBe(true);
  });

  it('defaults: no lists, anonymous callers allowed, no lookup', () => {
    const { callers, problems } = parse({});
    expect(callers).toEqual({ vipNumbers: new Set(), blockedNumbers: new Set(), blockAnonymous: false });
    expect(problems).toEqual([]);
  });

  it('a bad entry is reported with its position; the good entries are kept', () => {
    const config = parse({ DEFAULT_COUNTRY_CODE: '1', BLOCKED_NUMBERS: '+14155550100, 2001, +14155550102' });
    expect([...config.callers.blockedNumbers]).toEqual(['+14155550100', '+14155550102']);
    expect(config.problems.map((problem) => problem.message)).toEqual([
      'BLOCKED_NUMBERS: entry "2001" at position 14: expected a phone number like +14155550100',
    ]);
    expect(messages({ VIP_NUMBERS: '4155550100' })).toEqual([
      'VIP_NUMBERS: entry "4155550100" at position 0: expected a phone number like +14155550100, or set DEFAULT_COUNTRY_CODE for national numbers',
    ]);
  });

  it('DEFAULT_COUNTRY_CODE is 1 to 3 digits', () => {
    expect(messages({ DEFAULT_COUNTRY_CODE: 'US' })).toEqual(['DEFAULT_COUNTRY_CODE: expected a country calling code of 1 to 3 digits like 1 or 44, found "US"']);
    expect(messages({ DEFAULT_COUNTRY_CODE: '0' })).toHaveLength(1);
    expect(parse({ DEFAULT_COUNTRY_CODE: '44' }).callers.countryCode).toBe('44');
  });

  it('VIP_TARGET takes device, user, number or front-desk, as in MENU', () => {
    expect(parse({ VIP_TARGET: `device:${DEVICE.toUpperCase()}` }).callers.vipTarget).toEqual({ kind: 'device', id: DEVICE });
    expect(parse({ VIP_TARGET: 'number:+1 (555) 123-4567' }).callers.vipTarget).toEqual({ kind: 'number', number: '+15551234567' });
    expect(parse({ VIP_TARGET: 'front-desk' }).callers.vipTarget).toBeUndefined();
    expect(messages({ VIP_TARGET: 'voicemail' })).toEqual(['VIP_TARGET: expected device:ID, user:ID, number:+1... or front-desk, found "voicemail"']);
    expect(messages({ VIP_TARGET: 'user:abc' })).toEqual(['VIP_TARGET: expected a Kazoo id of 32 hex characters, found "abc"']);
  });

  it('warns about settings that cannot work as meant', () => {
    const { warnings } = parse({ VIP_NUMBERS: '+14155550100', BLOCKED_NUMBERS: '+14155550100' });
    expect(warnings).toContain('+14155550100 is in both VIP_NUMBERS and BLOCKED_NUMBERS: blocked wins');
    expect(warnings).toContain('VIP_NUMBERS is set, but neither VIP_TARGET nor a FRONT_DESK_* is: VIPs get the normal flow');
    expect(warnings).toContain(
      'DEFAULT_COUNTRY_CODE is unset: callers whose number arrives without + or 00 (e.g. 4155550100) match no VIP or blocked number',
    );
  });

  it('BLOCK_ANONYMOUS is true or false', () => {
    expect(messages({ BLOCK_ANONYMOUS: 'yes' })).toEqual(['BLOCK_ANONYMOUS: expected one of true, false, found "yes"']);
  });

  it('collected and gathered do not read the caller settings at all', () => {
    const config = loadConfigWithoutCallers({ TIMEZONE: 'UTC', VIP_NUMBERS: 'garbage', CALLER_LOOKUP_URL: 'nope' });
    expect(config.problems).toEqual([]);
    expect(config.callers.vipNumbers.size).toBe(0);
  });
});

describe('CALLER_LOOKUP_*', () => {
  it('defaults: GET, 1500 ms, cached 60 s, no credentials, does not override the lists', () => {
    expect(parse({ CALLER_LOOKUP_URL: 'https://crm.example.com/pivot/who' }).callers.lookup).toEqual({
      url: 'https://crm.example.com/pivot/who',
      method: 'get',
      timeoutMs: 1500,
      cacheSeconds: 60,
      overrides: false,
    });
  });

  it('takes the method, budget, cache time and the override switch', () => {
    const { lookup } = parse({
      CALLER_LOOKUP_URL: 'http://127.0.0.1:9000/who?site=2',
      CALLER_LOOKUP_METHOD: 'POST',
      CALLER_LOOKUP_TIMEOUT_MS: '800',
      CALLER_LOOKUP_CACHE_SECONDS: '0',
      CALLER_LOOKUP_OVERRIDES: 'true',
    }).callers;
    expect(lookup).toEqual({ url: 'http://127.0.0.1:9000/who?site=2', method: 'post', timeoutMs: 800, cacheSeconds: 0, overrides: true });
  });

  it('caps the budget well under Kazoo’s 5 s', () => {
    expect(messages({ CALLER_LOOKUP_URL: 'https://crm.example.com', CALLER_LOOKUP_TIMEOUT_MS: '5000' })).toEqual([
      'CALLER_LOOKUP_TIMEOUT_MS: expected a whole number from 100 to 3000, found "5000"',
    ]);
    expect(parse({ CALLER_LOOKUP_URL: 'https://crm.example.com', CALLER_LOOKUP_TIMEOUT_MS: '5000' }).callers.lookup?.timeoutMs).toBe(1500);
  });

  it('moves URL userinfo into a Basic header; CALLER_LOOKUP_AUTH is a header value or a bare bearer token', () => {
    const fromUrl = parse({ CALLER_LOOKUP_URL: 'https://pivot:s%40cret@crm.example.com/who' }).callers.lookup;
    expect(fromUrl?.url).toBe('https://crm.example.com/who');
    expect(fromUrl?.authorization).toBe(`Basic ${btoa('pivot:s@cret')}`);
    expect(parse({ CALLER_LOOKUP_URL: 'https://crm.example.com', CALLER_LOOKUP_AUTH: 'tok-123' }).callers.lookup?.authorization).toBe('Bearer tok-123');
    expect(parse({ CALLER_LOOKUP_URL: 'https://crm.example.com', CALLER_LOOKUP_AUTH: 'Token abc' }).callers.lookup?.authorization).toBe('Token abc');
  });

  it('never repeats a credential in a message', () => {
    const bad = parse({ CALLER_LOOKUP_URL: 'https://user:hunter2@crm example.com/who', CALLER_LOOKUP_AUTH: 'Bearer hunter2\nX-Evil: 1' });
    const text = JSON.stringify(bad.problems);
    expect(text).not.toContain('hunter2');
    expect(bad.problems.map((problem) => problem.variable)).toEqual(['CALLER_LOOKUP_URL', 'CALLER_LOOKUP_AUTH']);
    expect(bad.callers.lookup).toBeUndefined();
    expect(messages({ CALLER_LOOKUP_URL: 'ftp://crm.example.com/who?key=s3cr3t' })).toEqual(['CALLER_LOOKUP_URL: expected an absolute http:// or https:// URL (not quoted: it may hold a key)']);
  });
});
