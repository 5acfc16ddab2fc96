import type { ByteRange } from '../../shared/storage/types.js';

const MAX_HEADER_LENGTH = 200;

/**
 * One `Range: bytes=...` against an object of `size` bytes (RFC 9110 §14): a range to serve,
 * `'unsatisfiable'` (416), or undefined to serve the whole object (no header, another unit,
 * several ranges or a malformed value, which the RFC lets a server ignore).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  // A real single range is a few dozen characters; a longer header is ignored before any regex
  // sees it, and whitespace is dropped in one linear pass so no pattern can backtrack on it.
  if (header === undefined || header.length > MAX_HEADER_LENGTH) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.replace(/\s+/g, ''));
  if (match === null) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // Suffix range: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    const length = Math.min(suffix, size);
    return { offset: size - length, length };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return undefined;
  return { offset: start, length: end - start + 1 };
}
