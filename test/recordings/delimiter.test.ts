import { describe, expect, it } from 'vitest';
import { DelimiterScanner } from '../../functions/recordings/delimiter.js';
import { bytes } from '../storage/contract.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** Feeds `input` cut at `cuts` and returns [content before the delimiter, index of the piece and offset after it]. */
function run(delimiter: string, input: Uint8Array, cuts: number[]): { content: number[]; after: number } {
  const scanner = new DelimiterScanner(text(delimiter));
  const content: number[] = [];
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < input.byteLength), input.byteLength];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const end = scanner.feed(input.subarray(start, bounds[i + 1]), (piece) => content.push(...piece));
    if (end !== -1) return { content, after: start + end };
  }
  return { content, after: -1 };
}

describe('DelimiterScanner', () => {
  // Self-overlapping prefixes are where a naive rescan or a lost byte shows.
  const cases: [string, string][] = [
    ['\r\n--b', 'abc\r\n-\r\n--\r\n--b rest'],
    ['\r\n--xy', '\r\n\r\n--x\r\n--\r\n--xy'],
    ['aab', 'aaaab'],
    ['abab', 'abaababab'],
  ];
  it.each(cases)('finds %j at the first occurrence, every way the input is cut', (delimiter, input) => {
    const data = text(input);
    const at = input.indexOf(delimiter);
    for (let a = 0; a <= data.byteLength; a++) {
      for (let b = a; b <= data.byteLength; b++) {
        const { content, after } = run(delimiter, data, [a, b]);
        expect([Buffer.from(content).toString('latin1'), after]).toEqual([input.slice(0, at), at + delimiter.length]);
      }
    }
  });

  it('passes random bytes through untouched when the delimiter never comes, in 1-byte pieces too', () => {
    const data = bytes(5000, 3);
    for (const size of [1, 7, 4096]) {
      const cuts = Array.from({ length: Math.ceil(data.byteLength / size) }, (_, i) => i * size);
      const scanner = new DelimiterScanner(text('\r\n--boundary'));
      const out: number[] = [];
      for (const cut of cuts) scanner.feed(data.subarray(cut, cut + size), (piece) => out.push(...piece));
      expect(out.length + scanner.held).toBe(data.byteLength);
      expect(Buffer.from(out).equals(Buffer.from(data.subarray(0, out.length)))).toBe(true);
    }
  });
});
