import type { TokenCursor } from './cursor.js';
import type { DateItem, Rule, Selector, TimeSpan, WeekdayRange } from './rules.js';
import { weekdayMask } from './rules.js';
import { readDateItem } from './parse-dates.js';
import { readSpans } from './parse-times.js';
import { canonicalRule } from './canonical.js';
import { syntaxErrorAt } from './syntax-error.js';
import { isOffWord, monthIndex, weekdayIndex, wordHint } from './words.js';

export const RULE_START_EXPECTED = 'a weekday like "Mo", a date like "Dec 25", times like "09:00-17:00", "off" or "24/7"';
const BODY_EXPECTED = 'times like "09:00-17:00" or "off"';
const WEEKDAY_EXPECTED = 'a weekday like "Fr"';

function readWeekday(cursor: TokenCursor): number {
  const token = cursor.next();
  const index = token.kind === 'word' ? weekdayIndex(token.text) : -1;
  if (index === -1) throw syntaxErrorAt(token, WEEKDAY_EXPECTED, token.kind === 'word' ? wordHint(token.text) : undefined);
  return index;
}

function readWeekdays(cursor: TokenCursor): Selector {
  const ranges: WeekdayRange[] = [];
  do {
    const from = readWeekday(cursor);
    ranges.push({ from, to: cursor.takePunct('-') ? readWeekday(cursor) : from });
  } while (cursor.takePunct(','));
  return { kind: 'weekdays', ranges, mask: weekdayMask(ranges) };
}

function readDates(cursor: TokenCursor): Selector {
  const items: DateItem[] = [readDateItem(cursor)];
  while (cursor.takePunct(',')) items.push(readDateItem(cursor));
  return { kind: 'dates', items };
}

const isTwentyFourSeven = (cursor: TokenCursor): boolean =>
  cursor.peek().kind === 'number' && cursor.peek().text === '24' && cursor.isPunct('/', 1) && cursor.peek(2).text === '7';

function readSelector(cursor: TokenCursor): Selector {
  const token = cursor.peek();
  if (token.kind === 'word' && weekdayIndex(token.text) !== -1) return readWeekdays(cursor);
  if (token.kind === 'word' && monthIndex(token.text) !== -1) return readDates(cursor);
  if (token.kind === 'number' && token.text.length === 4) return readDates(cursor);
  if (token.kind === 'time' || (token.kind === 'word' && isOffWord(token.text))) return { kind: 'always' };
  throw syntaxErrorAt(token, RULE_START_EXPECTED, token.kind === 'word' ? wordHint(token.text) : undefined);
}

function readBody(cursor: TokenCursor): TimeSpan[] {
  const token = cursor.peek();
  if (token.kind === 'word' && isOffWord(token.text)) {
    cursor.next();
    return [];
  }
  if (isTwentyFourSeven(cursor)) throw syntaxErrorAt(token, BODY_EXPECTED, 'for whole days write "00:00-24:00"; "24/7" stands alone');
  if (token.kind === 'time' || token.kind === 'number') return readSpans(cursor);
  throw syntaxErrorAt(token, BODY_EXPECTED, token.kind === 'word' ? wordHint(token.text) : undefined);
}

function readReason(cursor: TokenCursor): string | undefined {
  const token = cursor.peek();
  if (token.kind !== 'string') return undefined;
  if (token.closed !== true) throw syntaxErrorAt(token, 'a closing quote (") after the reason');
  const reason = token.text.slice(1, -1).trim();
  if (reason === '') throw syntaxErrorAt(token, 'a reason between the quotes, like "Christmas"');
  cursor.next();
  return reason;
}

/** Reads one rule, up to (not including) the `;` or the end. */
export function readRule(cursor: TokenCursor): Rule {
  const position = cursor.peek().position;
  let selector: Selector;
  let spans: TimeSpan[];
  if (isTwentyFourSeven(cursor)) {
    cursor.next(), cursor.next(), cursor.next();
    selector = { kind: 'always' };
    spans = [{ start: 0, end: 1440 }];
  } else {
    selector = readSelector(cursor);
    spans = readBody(cursor);
  }
  const reason = readReason(cursor);
  const end = cursor.peek();
  if (end.kind !== 'end' && !(end.kind === 'punct' && end.text === ';')) {
    const expected = spans.length > 0 ? '"," and more times, a reason in quotes, or ";" before the next rule' : 'a reason in quotes or ";" before the next rule';
    throw syntaxErrorAt(end, expected, end.kind === 'word' ? wordHint(end.text) : undefined);
  }
  const parts = { selector, spans, position };
  const rule = reason === undefined ? parts : { ...parts, reason };
  return { ...rule, canonical: canonicalRule(rule) };
}
