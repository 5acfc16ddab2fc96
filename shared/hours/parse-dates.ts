import type { TokenCursor } from './cursor.js';
import type { DateItem, MonthDay } from './rules.js';
import { MONTHS } from './rules.js';
import { syntaxErrorAt } from './syntax-error.js';
import { monthIndex, weekdayIndex, wordHint } from './words.js';
import { daysInMonth } from './civil.js';

const MONTH_EXPECTED = 'a month like "Dec"';

function readYear(cursor: TokenCursor): number | undefined {
  const token = cursor.peek();
  if (token.kind !== 'number' || token.text.length !== 4) return undefined;
  const year = Number(token.text);
  if (year < 1970 || year > 2199) throw syntaxErrorAt(token, 'a year from 1970 to 2199');
  cursor.next();
  return year;
}

function readMonth(cursor: TokenCursor): number {
  const token = cursor.next();
  const month = token.kind === 'word' ? monthIndex(token.text) : -1;
  if (month === -1) throw syntaxErrorAt(token, MONTH_EXPECTED, token.kind === 'word' ? wordHint(token.text) : undefined);
  return month;
}

function readDay(cursor: TokenCursor, month: number, year: number | undefined): number {
  const token = cursor.next();
  // Without a year, Feb 29 is allowed: it simply applies in leap years.
  const last = daysInMonth(year ?? 2000, month);
  const day = token.kind === 'number' && token.text.length <= 2 ? Number(token.text) : NaN;
  if (!(day >= 1 && day <= last)) {
    const where = year === undefined ? MONTHS[month] : `${MONTHS[month]} ${year}`;
    throw syntaxErrorAt(token, `a day of ${where} from 01 to ${last}`);
  }
  return day;
}

function readNth(cursor: TokenCursor, year: number | undefined, month: number, weekday: number): DateItem {
  cursor.next();
  if (!cursor.takePunct('[')) throw syntaxErrorAt(cursor.peek(), '"[" and which one, like "Th[4]" or "Mo[-1]"');
  const negative = cursor.takePunct('-');
  const token = cursor.next();
  const count = token.kind === 'number' && token.text.length === 1 ? Number(token.text) : NaN;
  if (!(count >= 1 && count <= 5)) throw syntaxErrorAt(token, negative ? 'a number from 1 to 5 (-1 is the last)' : 'a number from 1 to 5, or -1 for the last');
  if (!cursor.takePunct(']')) throw syntaxErrorAt(cursor.peek(), '"]"');
  const nth = negative ? -count : count;
  return year === undefined ? { kind: 'nth', month, weekday, nth } : { kind: 'nth', year, month, weekday, nth };
}

const monthDay = (year: number | undefined, month: number, day: number): MonthDay =>
  year === undefined ? { month, day } : { year, month, day };

function readRangeEnd(cursor: TokenCursor, from: MonthDay): MonthDay {
  const token = cursor.peek();
  if (token.kind === 'number' && token.text.length <= 2) {
    // "Dec 24-26": same month (and year) as the start.
    const day = readDay(cursor, from.month, from.year);
    if (day < from.day) throw syntaxErrorAt(token, `a day after ${from.day} (or a month, for a range into the next month)`);
    return monthDay(from.year, from.month, day);
  }
  const year = readYear(cursor);
  if (year !== undefined && from.year === undefined) throw syntaxErrorAt(token, `${MONTH_EXPECTED} (a year on the end date needs one on the start date)`);
  const month = readMonth(cursor);
  const dayToken = cursor.peek();
  // Without its own year the end falls in the start's year, or the next one when its month comes
  // first in the year: "2027 Dec 01-Feb 29" ends in 2028, a leap year.
  const endYear = year ?? (from.year === undefined ? undefined : month < from.month ? from.year + 1 : from.year);
  const to = monthDay(year, month, readDay(cursor, month, endYear));
  if (to.year !== undefined && from.year !== undefined) {
    const after = to.year * 400 + to.month * 32 + to.day > from.year * 400 + from.month * 32 + from.day;
    if (!after) throw syntaxErrorAt(dayToken, 'an end date after the start date');
  }
  return to;
}

/** Reads `[YYYY] Mon DD[-[[YYYY] Mon] DD]` or `[YYYY] Mon Wd[n]`, the cursor on the year or month. */
export function readDateItem(cursor: TokenCursor): DateItem {
  const year = readYear(cursor);
  const month = readMonth(cursor);
  const token = cursor.peek();
  if (token.kind === 'word' && weekdayIndex(token.text) !== -1) return readNth(cursor, year, month, weekdayIndex(token.text));
  if (token.kind !== 'number' || token.text.length > 2) {
    throw syntaxErrorAt(token, 'a day like "25" or a weekday like "Th[4]"', token.kind === 'word' ? wordHint(token.text) : undefined);
  }
  const from = monthDay(year, month, readDay(cursor, month, year));
  if (!cursor.takePunct('-')) return { kind: 'date', from };
  return { kind: 'date', from, to: readRangeEnd(cursor, from) };
}
