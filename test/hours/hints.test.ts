import { describe, expect, it } from 'vitest';
import { isPivotEdgeError } from '../../shared/errors.js';
import { parseHours, parseHoursWith } from '../../shared/hours/index.js';

function hintFor(source: string): unknown {
  try {
    parseHours(source);
  } catch (error) {
    if (isPivotEdgeError(error)) return error.details.hint;
    throw error;
  }
  throw new Error(`${source} parsed`);
}

// Issue 12's table: what owners type, and the hint they get. A hint must never make things worse:
// pasted back in, it parses to what was meant (the afternoon, not 01:00-05:00 at night).
const rows: readonly (readonly [source: string, hint: string])[] = [
  // The harmful case: "1-5" after a morning range is the afternoon.
  ['Mo-Fr 8-12,1-5', 'write "Mo-Fr 08:00-12:00,13:00-17:00"'],
  ['Mo-Fr 8:30-12, 1-5:30', 'write "Mo-Fr 08:30-12:00,13:00-17:30"'],
  ['Mo-Fr 9am-12, 1pm-5', 'write "Mo-Fr 09:00-12:00,13:00-17:00"'],
  ['Mo-Fr 9-5', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 9-5pm', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 11-1pm', 'write "Mo-Fr 11:00-13:00"'],
  ['Mo-Fr 12-1', 'write "Mo-Fr 12:00-13:00"'],
  ['Mo-Fr 9:30-5:30', 'write "Mo-Fr 09:30-17:30"'],
  // Typography: en dash, em dash, minus sign, smart quotes (double and single).
  ['Mo–Fr 09:00–17:00', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 09:00—17:00', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 09:00-17:00; Dec 25 off “Christmas”', 'write "Dec 25 off "Christmas""'],
  ['Dec 25 off ‘Christmas’', 'write "Dec 25 off "Christmas""'],
  ["Jan 01 off 'New Year's Day'", 'write "Jan 01 off "New Year\'s Day""'],
  // Times without a colon.
  ['Mo-Fr 0800-1700', 'write "Mo-Fr 08:00-17:00"'],
  ['Mo-Fr 0830-1200,1300-1730', 'write "Mo-Fr 08:30-12:00,13:00-17:30"'],
  // Dates as numbers; one that reads both ways gets both readings.
  ['12/25 off', 'write "Dec 25 off"'],
  ['Mo-Fr 09:00-17:00; 12/24 09:00-12:00', 'write "Dec 24 09:00-12:00"'],
  ['25/12 off', 'write "Dec 25 off"'],
  ['12/25/2026 off "Christmas"', 'write "2026 Dec 25 off "Christmas""'],
  ['2026-12-25 off', 'write "2026 Dec 25 off"'],
  ['07/04 off', 'write "Jul 04 off" (month/day) or "Apr 07 off" (day/month)'],
  // A lunch break written as times that are "off": the times around it, from the earlier rules.
  ['Mo-Fr 08:00-17:00; Mo-Th 12:00-13:00 off', '"off" closes whole days, it cannot take hours out of one; for a break write "Mo-Th 08:00-12:00,13:00-17:00"'],
  ['Mo-Fr 08:30-17:30; Mo-Fr 12:00-13:00 closed "Lunch"', '"off" closes whole days, it cannot take hours out of one; for a break write "Mo-Fr 08:30-12:00,13:00-17:30 "Lunch""'],
  ['Mo-Th 12:00-13:00 off', '"off" closes whole days, it cannot take hours out of one; for a break list the opening times around it, e.g. "Mo-Th 09:00-12:00,13:00-17:00"'],
];

describe('hints that never make things worse', () => {
  it.each(rows)('%j', (source, hint) => {
    expect(hintFor(source)).toBe(hint);
  });

  it.each(rows.filter(([, hint]) => hint.startsWith('write "') && !hint.includes(' or ')))('%j: the hinted rule parses to itself', (source, hint) => {
    const rule = hint.slice('write "'.length, -1);
    expect(parseHours(rule).canonical).toBe(rule);
    expect(parseHours(rule).warnings).toEqual([]);
    expect(source).not.toBe(rule);
  });

  it('a rule already in 24-hour form is not reread as the afternoon', () => {
    expect(hintFor('Mo-Fr 09:00-09:00')).toBe('for a whole day write "00:00-24:00"');
    expect(hintFor('Mo-Fr 0900-0500')).toBe('write "Mo-Fr 09:00-05:00"'); // valid overnight; the warning asks about it
    expect(parseHours('Mo-Fr 09:00-05:00').warnings).toEqual([
      '"09:00-05:00" in "Mo-Fr 09:00-05:00" runs past midnight, to 05:00 the next morning; did you mean 09:00-17:00?',
    ]);
  });

  it('24/7 is not a date', () => {
    expect(hintFor('24/7 "x')).toBeUndefined();
  });

  it('12:00-01:00 parses, with a warning asking whether 12:00-13:00 was meant', () => {
    expect(parseHours('Mo-Fr 12:00-01:00').warnings).toEqual([
      '"12:00-01:00" in "Mo-Fr 12:00-01:00" runs past midnight, to 01:00 the next morning; did you mean 12:00-13:00?',
    ]);
  });

  it('without the advisor (the request path) the same errors come with one-word hints only, and no warnings', () => {
    expect(() => parseHoursWith('Mo-Fr 8-12,1-5')).toThrow(/^BUSINESS_HOURS: at position 6, found "8", expected a start time like "09:00"; hint: write "08:00"$/);
    expect(parseHoursWith('Mo-Fr 12:00-01:00').warnings).toEqual([]);
    expect(parseHoursWith('Mo-Fr 12:00-01:00').canonical).toBe(parseHours('Mo-Fr 12:00-01:00').canonical);
  });
});
