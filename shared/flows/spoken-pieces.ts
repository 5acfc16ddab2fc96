/**
 * The most characters (code points, as Kazoo's schema validator counts them) one `tts` node takes
 * (`callflows.tts` `text.maxLength`). A TwiML `<Say>` is cut by Kazoo at `pivot.tts_texts_size`,
 * 4000 bytes of UTF-8; 1000 code points never pass that, so both dialects split the same way.
 */
export const MAX_SPOKEN_CHARACTERS = 1000;

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Where pieces may end, sorted: after each sentence, or (when a sentence is too long) each word. */
function boundaries(text: string, granularity: 'sentence' | 'word' | 'grapheme'): number[] {
  return Array.from(new Intl.Segmenter('en', { granularity }).segment(text), ({ index, segment }) => index + segment.length);
}

/** UTF-16 index after `count` code points from `start`. */
function afterCodePoints(text: string, start: number, count: number): number {
  let index = start;
  for (let i = 0; i < count && index < text.length; i++) index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}

/** The last of the sorted `points` in (start, furthest] that ends a grapheme. */
function lastFitting(points: readonly number[], start: number, furthest: number, isGraphemeEnd: ReadonlySet<number>): number | undefined {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle] ?? Infinity) <= furthest) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1; i >= 0; i--) {
    const point = points[i] ?? 0;
    if (point <= start) return undefined;
    if (isGraphemeEnd.has(point)) return point;
  }
  return undefined;
}

/**
 * Splits `text` into pieces of at most `limit` code points that join back into it exactly: at
 * the last sentence end that fits, else the last word boundary (spaces, or between CJK words),
 * else a grapheme boundary, so no piece ends inside an emoji, a flag or a letter with its accents.
 * Only a single grapheme longer than `limit` is cut between code points. A lone UTF-16 surrogate
 * (which Kazoo's JSON decoder rejects) becomes U+FFFD; a piece of nothing but whitespace is left out.
 */
export function spokenPieces(text: string, limit = MAX_SPOKEN_CHARACTERS): string[] {
  // Nearly every prompt has no surrogate at all: one plain scan instead of the lookaround pattern.
  const clean = SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
  // UTF-16 length is never below the code point count: short text needs no segmenting.
  if (clean.length <= limit) return [clean];
  const graphemes = boundaries(clean, 'grapheme');
  const isGraphemeEnd = new Set(graphemes);
  const preferred = [boundaries(clean, 'sentence'), boundaries(clean, 'word'), graphemes];
  const pieces: string[] = [];
  let start = 0;
  while (start < clean.length) {
    const furthest = afterCodePoints(clean, start, limit);
    if (furthest >= clean.length) {
      pieces.push(clean.slice(start));
      break;
    }
    let end: number | undefined;
    for (const points of preferred) {
      end = lastFitting(points, start, furthest, isGraphemeEnd);
      if (end !== undefined) break;
    }
    end ??= furthest;
    pieces.push(clean.slice(start, end));
    start = end;
  }
  // A run of 1000 spaces has nothing to say, and Kazoo strips a <Say> down to nothing.
  return pieces.filter((piece) => piece.trim() !== '');
}
