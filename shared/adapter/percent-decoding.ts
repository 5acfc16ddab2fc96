import type { ProblemLog } from './problem-log.js';
import { decodeUtf8 } from './utf8.js';

/** Where a piece of text sits in its source, so problems can name a position. */
export interface TextSpan {
  readonly source: string;
  readonly offset: number;
}

/**
 * Decodes Kazoo's "legacy" URL encoding: `%XX` escapes are UTF-8 bytes and, when
 * `plusIsSpace`, `+` is a space. A malformed escape (`%zz`, a trailing `%4`) is
 * kept literally and reported instead of failing the whole request.
 */
export function decodePercentEscapes(
  raw: string,
  plusIsSpace: boolean,
  span: TextSpan,
  problems: ProblemLog,
): string {
  if (!raw.includes('%') && !(plusIsSpace && raw.includes('+'))) return raw;
  let decoded = '';
  let pendingBytes: number[] = [];
  let pendingStart = 0;
  const flushBytes = (): void => {
    if (pendingBytes.length === 0) return;
    const { text, valid } = decodeUtf8(Uint8Array.from(pendingBytes));
    if (!valid) {
      problems.add(
        `${span.source}: %-escapes at position ${span.offset + pendingStart} are not valid UTF-8, replaced with U+FFFD`,
      );
    }
    decoded += text;
    pendingBytes = [];
  };

  let index = 0;
  while (index < raw.length) {
    const char = raw.charAt(index);
    if (char === '%') {
      const byte = hexByteAt(raw, index + 1);
      if (byte !== undefined) {
        if (pendingBytes.length === 0) pendingStart = index;
        pendingBytes.push(byte);
        index += 3;
        continue;
      }
      problems.add(`${span.source}: bad %-escape at position ${span.offset + index}, kept as is`);
    }
    flushBytes();
    decoded += char === '+' && plusIsSpace ? ' ' : char;
    index += 1;
  }
  flushBytes();
  return decoded;
}

function hexByteAt(text: string, index: number): number | undefined {
  const high = hexDigitValue(text.charCodeAt(index));
  const low = hexDigitValue(text.charCodeAt(index + 1));
  return high === undefined || low === undefined ? undefined : high * 16 + low;
}

function hexDigitValue(code: number): number | undefined {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return undefined; // also NaN past the end of the text
}
