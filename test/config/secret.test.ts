import { describe, expect, it } from 'vitest';
import { basicPassword, bearerToken, safeEqual } from '../../shared/http/secret.js';

describe('secrets', () => {
  it('safeEqual is true only for the same secret', () => {
    expect(safeEqual('s3cret', 's3cret')).toBe(true);
    expect(safeEqual('s3cret', 's3cres')).toBe(false);
    expect(safeEqual('s3cre', 's3cret')).toBe(false);
    expect(safeEqual('s3cret!', 's3cret')).toBe(false);
    expect(safeEqual('', 's3cret')).toBe(false);
    expect(safeEqual('é', 'é')).toBe(true);
  });

  it('reads Basic passwords (which may contain colons) and Bearer tokens', () => {
    expect(basicPassword(`Basic ${btoa('pivot:a:b')}`)).toBe('a:b');
    expect(basicPassword('Basic !!!')).toBeUndefined();
    expect(basicPassword(`Basic ${btoa('no-colon')}`)).toBeUndefined();
    expect(basicPassword(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('Basic abc')).toBeUndefined();
  });
});
