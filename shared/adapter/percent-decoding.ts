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
 * kept literally and reported instead of failing the whole request. Plain stretches
 * are copied whole, and a run of ASCII escapes (`%40`, `%2B`) needs no UTF-8 decoder.
 */
export function decodePercentEscapes(
  raw: string,
  plusIsSpace: boolean,
  span: TextSpan,
  problems: ProblemLog,
): string {
  if (!raw.includes('%') && !(plusIsSpace && raw.includes('+'))) return raw;
  let decoded = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < raw.length) {
    const code = raw.charCodeAt(index);
    if (code === PERCENT && hexByteAt(raw, index + 1) !== undefined) {
      decoded += raw.slice(copiedUpTo, index);
      const run = escapeRun(raw, index, span, problems);
      decoded += run.text;
      index = copiedUpTo = run.end;
      continue;
    }
    if (code === PERCENT) problems.add(`${span.source}: bad %-escape at position ${span.offset + index}, kept as is`);
    else if (code === PLUS && plusIsSpace) {
      decoded += `${raw.slice(copiedUpTo, index)} `;
      copiedUpTo = index + 1;
    }
    index += 1;
  }
  return decoded + raw.slice(copiedUpTo);
}

const PERCENT = 0x25;
const PLUS = 0x2b;

/** The text of consecutive `%XX` escapes starting at `start`, and where they end. */
function escapeRun(raw: string, start: number, span: TextSpan, problems: ProblemLog): { readonly text: string; readonly end: number } {
  const bytes: number[] = [];
  let ascii = true;
  let index = start;
  for (let byte = hexByteAt(raw, index + 1); raw.charCodeAt(index) === PERCENT && byte !== undefined; byte = hexByteAt(raw, index + 1)) {
    bytes.push(byte);
    ascii &&= byte < 0x80;
    index += 3;
  }
  // ASCII is valid UTF-8 as it is (a long run goes to the decoder: spread arguments are bounded).
  if (ascii && bytes.length <= 1024) return { text: String.fromCharCode(...bytes), end: index };
  const { text, valid } = decodeUtf8(Uint8Array.from(bytes));
  if (!valid) problems.add(`${span.source}: %-escapes at position ${span.offset + start} are not valid UTF-8, replaced with U+FFFD`);
  return { text, end: index };
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
