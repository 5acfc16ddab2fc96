import type { TokenCursor } from './cursor.js';
import type { Token } from './lexer.js';
import type { TimeSpan } from './rules.js';
import { syntaxErrorAt } from './syntax-error.js';
import { weekdayIndex, monthIndex } from './words.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');
export const formatMinutes = (minutes: number): string => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

/** Reads one `HH:MM` token as minutes after midnight; 24:00 is allowed only when `isEnd`. */
function readTime(token: Token, isEnd: boolean): number {
  const expected = isEnd ? 'an end time like "17:00"' : 'a start time like "09:00"';
  if (token.kind === 'number' && token.text.length <= 2) {
    const hour = Number(token.text);
    const hint = hour <= (isEnd ? 24 : 23) ? `write "${pad2(hour)}:00"` : undefined;
    throw syntaxErrorAt(token, expected, hint);
  }
  if (token.kind !== 'time') throw syntaxErrorAt(token, expected);
  const [hourText = '', minuteText = ''] = token.text.split(':');
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hourText.length === 1 && minuteText.length === 2 && minute <= 59 && hour <= 9) {
    throw syntaxErrorAt(token, expected, `write "0${token.text}"`);
  }
  if (hourText.length !== 2 || minuteText.length !== 2) throw syntaxErrorAt(token, expected);
  if (minute > 59) throw syntaxErrorAt(token, 'minutes from 00 to 59');
  if (hour === 24 && minute === 0 && isEnd) return 1440;
  if (hour > 23 && hour < 48 && isEnd) {
    const hint = `a range past midnight ends at the next day's time: write "${formatMinutes((hour - 24) * 60 + minute)}"`;
    throw syntaxErrorAt(token, 'an end time from 00:00 to 24:00', hint);
  }
  if (hour > 23) throw syntaxErrorAt(token, isEnd ? 'an end time from 00:00 to 24:00' : 'a start time from 00:00 to 23:59');
  return hour * 60 + minute;
}

function readSpan(cursor: TokenCursor): TimeSpan {
  const start = readTime(cursor.next(), false);
  if (!cursor.takePunct('-')) throw syntaxErrorAt(cursor.peek(), '"-" and an end time, like "09:00-17:00"');
  const endToken = cursor.next();
  const end = readTime(endToken, true);
  if (end === start) {
    throw syntaxErrorAt(endToken, 'an end time different from the start time', 'for a whole day write "00:00-24:00"');
  }
  // An end before the start runs past midnight; it belongs to the day it starts on.
  return { start, end: end < start ? end + 1440 : end };
}

/** Reads `HH:MM-HH:MM[,HH:MM-HH:MM…]`. */
export function readSpans(cursor: TokenCursor): TimeSpan[] {
  const spans = [readSpan(cursor)];
  while (cursor.isPunct(',')) {
    const after = cursor.peek(1);
    if (after.kind === 'word' && (weekdayIndex(after.text) !== -1 || monthIndex(after.text) !== -1)) {
      throw syntaxErrorAt(after, 'a start time like "09:00"', 'separate rules with ";", e.g. "Mo-Fr 09:00-17:00; Sa 10:00-12:00"');
    }
    cursor.next();
    spans.push(readSpan(cursor));
  }
  return spans;
}

export function formatSpan(span: TimeSpan): string {
  const end = span.end === 1440 ? '24:00' : formatMinutes(span.end % 1440);
  return `${formatMinutes(span.start)}-${end}`;
}
