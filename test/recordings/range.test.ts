import { describe, expect, it } from 'vitest';
import { parseRange } from '../../functions/recordings/range.js';

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { offset: 0, length: 100 }],
    ['bytes=100-', { offset: 100, length: 900 }],
    ['bytes=-100', { offset: 900, length: 100 }],
    ['bytes=-5000', { offset: 0, length: 1000 }],
    ['bytes=990-5000', { offset: 990, length: 10 }],
    ['BYTES = 5 - 5', { offset: 5, length: 1 }],
  ])('%s', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])('%s is unsatisfiable', (header) => {
    expect(parseRange(header, 1000)).toBe('unsatisfiable');
  });

  it.each([undefined, 'bytes=', 'items=0-5', 'bytes=0-5,10-20', 'bytes=9-3', 'bytes=a-b'])('%s is ignored', (header) => {
    expect(parseRange(header, 1000)).toBeUndefined();
  });
});
