import { describe, expect, it } from 'vitest';
import { basicPassword, bearerToken, percentDecodedLoosely, safeEqual } from '../../shared/http/secret.js';

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
  });

  it('decodes what Kazoo sends for a URL we handed out: valid %XX sequences, anything else as is', () => {
    expect(percentDecodedLoosely('Ab1%3B%3D%40%3A%2F%3F%23')).toBe('Ab1;=@:/?#');
    expect(percentDecodedLoosely('100%zz%20%E2%82%AC%FF')).toBe('100%zz €%FF');
    expect(basicPassword(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('Basic abc')).toBeUndefined();
  });
});
