import { describe, expect, it } from 'vitest';
import { parseHours, stateAt } from '../../shared/hours/index.js';

// [schedule, instant, open, nextChange (UTC ISO) or null, reason?] evaluated in America/New_York.
type Row = readonly [string, string, boolean, string | null, string?];

const WEEK = 'Mo-Fr 09:00-17:00';
const XMAS = `${WEEK}; Dec 24 09:00-12:00 "Christmas Eve"; Dec 25 off "Christmas"`;

const rows: readonly Row[] = [
  // weekly hours, half-open ranges
  [WEEK, '2026-03-02T08:59:59-05:00', false, '2026-03-02T14:00:00.000Z'],
  [WEEK, '2026-03-02T09:00:00-05:00', true, '2026-03-02T22:00:00.000Z'],
  [WEEK, '2026-03-02T16:59:59-05:00', true, '2026-03-02T22:00:00.000Z'],
  [WEEK, '2026-03-02T17:00:00-05:00', false, '2026-03-03T14:00:00.000Z'],
  [WEEK, '2026-03-06T17:00:00-05:00', false, '2026-03-09T13:00:00.000Z'],
  [WEEK, '2026-03-07T12:00:00-05:00', false, '2026-03-09T13:00:00.000Z'],
  [WEEK, '2026-07-15T12:00:00-04:00', true, '2026-07-15T21:00:00.000Z'],
  // lunch break, contiguous ranges
  ['Mo-Fr 08:30-12:00,13:00-17:30', '2026-03-02T08:29:00-05:00', false, '2026-03-02T13:30:00.000Z'],
  ['Mo-Fr 08:30-12:00,13:00-17:30', '2026-03-02T11:59:00-05:00', true, '2026-03-02T17:00:00.000Z'],
  ['Mo-Fr 08:30-12:00,13:00-17:30', '2026-03-02T12:00:00-05:00', false, '2026-03-02T18:00:00.000Z'],
  ['Mo-Fr 08:30-12:00,13:00-17:30', '2026-03-02T13:00:00-05:00', true, '2026-03-02T22:30:00.000Z'],
  ['Mo-Fr 09:00-12:00,12:00-17:00', '2026-03-02T10:00:00-05:00', true, '2026-03-02T22:00:00.000Z'],
  // every day, 24/7, off
  ['10:00-18:00', '2026-03-01T10:00:00-05:00', true, '2026-03-01T23:00:00.000Z'],
  ['10:00-18:00', '2026-03-01T09:00:00-05:00', false, '2026-03-01T15:00:00.000Z'],
  ['24/7', '2026-03-01T09:00:00-05:00', true, null],
  ['24/7', '2026-11-01T01:30:00-05:00', true, null],
  ['off', '2026-03-01T09:00:00-05:00', false, null],
  ['Mo-Su 00:00-24:00', '2026-05-01T12:00:00-04:00', true, null],
  // weekday lists and wrapping ranges
  ['Mo-We,Fr 09:00-17:00', '2026-03-05T10:00:00-05:00', false, '2026-03-06T14:00:00.000Z'],
  ['Mo-We,Fr 09:00-17:00', '2026-03-04T10:00:00-05:00', true, '2026-03-04T22:00:00.000Z'],
  ['Fr-Mo 10:00-12:00', '2026-03-01T11:00:00-05:00', true, '2026-03-01T17:00:00.000Z'],
  ['Fr-Mo 10:00-12:00', '2026-03-03T11:00:00-05:00', false, '2026-03-06T15:00:00.000Z'],
  ['Sa,Su 10:00-14:00 "weekend hours"', '2026-03-07T11:00:00-05:00', true, '2026-03-07T19:00:00.000Z', 'weekend hours'],
  // later rules replace earlier ones for the days they name
  [`${WEEK}; Fr 09:00-15:00`, '2026-03-06T15:00:00-05:00', false, '2026-03-09T13:00:00.000Z'],
  [`${WEEK}; Fr 09:00-15:00`, '2026-03-05T16:00:00-05:00', true, '2026-03-05T22:00:00.000Z'],
  [`${WEEK}; We off`, '2026-03-04T10:00:00-05:00', false, '2026-03-05T14:00:00.000Z'],
  [`${WEEK}; Sa 10:00-12:00`, '2026-03-06T17:00:00-05:00', false, '2026-03-07T15:00:00.000Z'],
  // holidays and special days
  [XMAS, '2026-12-23T16:00:00-05:00', true, '2026-12-23T22:00:00.000Z'],
  [XMAS, '2026-12-24T10:00:00-05:00', true, '2026-12-24T17:00:00.000Z', 'Christmas Eve'],
  [XMAS, '2026-12-24T12:00:00-05:00', false, '2026-12-28T14:00:00.000Z', 'Christmas Eve'],
  [XMAS, '2026-12-25T10:00:00-05:00', false, '2026-12-28T14:00:00.000Z', 'Christmas'],
  [XMAS, '2026-12-28T09:30:00-05:00', true, '2026-12-28T22:00:00.000Z'],
  [`${WEEK}; Dec 24-Dec 26 off "Holidays"`, '2026-12-24T10:00:00-05:00', false, '2026-12-28T14:00:00.000Z', 'Holidays'],
  [`${WEEK}; Dec 24-26 off "Holidays"`, '2026-12-23T10:00:00-05:00', true, '2026-12-23T22:00:00.000Z'],
  // a date rule written before the weekly rule loses on weekdays (later rule wins)
  ['Dec 25 off "Christmas"; Mo-Fr 09:00-17:00', '2026-12-25T10:00:00-05:00', true, '2026-12-25T22:00:00.000Z'],
  ['Dec 26 10:00-14:00 "Boxing Day sale"; Mo-Fr 09:00-17:00', '2026-12-26T11:00:00-05:00', true, '2026-12-26T19:00:00.000Z', 'Boxing Day sale'],
  // across New Year
  [`${WEEK}; Dec 20-Jan 05 off "Winter break"`, '2026-12-18T17:00:00-05:00', false, '2027-01-06T14:00:00.000Z'],
  [`${WEEK}; Dec 20-Jan 05 off "Winter break"`, '2026-12-31T10:00:00-05:00', false, '2027-01-06T14:00:00.000Z', 'Winter break'],
  [`${WEEK}; Dec 20-Jan 05 off "Winter break"`, '2027-01-05T10:00:00-05:00', false, '2027-01-06T14:00:00.000Z', 'Winter break'],
  [`${WEEK}; Dec 20-Jan 05 off "Winter break"`, '2027-01-06T10:00:00-05:00', true, '2027-01-06T22:00:00.000Z'],
  [`${WEEK}; Dec 20-Jan 05 off "Winter break"`, '2026-01-02T10:00:00-05:00', false, '2026-01-06T14:00:00.000Z', 'Winter break'],
  // year-specific dates and ranges
  [`${WEEK}; 2026 Nov 27 off "Black Friday"`, '2026-11-27T10:00:00-05:00', false, '2026-11-30T14:00:00.000Z', 'Black Friday'],
  [`${WEEK}; 2026 Nov 27 off "Black Friday"`, '2025-11-27T10:00:00-05:00', true, '2025-11-27T22:00:00.000Z'],
  [`${WEEK}; 2026 Dec 28-2027 Jan 01 off`, '2026-12-28T10:00:00-05:00', false, '2027-01-04T14:00:00.000Z'],
  [`${WEEK}; 2026 Dec 28-Jan 01 off`, '2026-12-31T10:00:00-05:00', false, '2027-01-04T14:00:00.000Z'],
  [`${WEEK}; 2026 Dec 28-2027 Jan 01 off`, '2027-12-28T10:00:00-05:00', true, '2027-12-28T22:00:00.000Z'],
  // nth and last weekday of a month
  [`${WEEK}; Nov Th[4] off "Thanksgiving"`, '2026-11-26T10:00:00-05:00', false, '2026-11-27T14:00:00.000Z', 'Thanksgiving'],
  [`${WEEK}; Nov Th[4] off "Thanksgiving"`, '2026-11-19T10:00:00-05:00', true, '2026-11-19T22:00:00.000Z'],
  [`${WEEK}; Nov Th[4] off "Thanksgiving"`, '2025-11-27T10:00:00-05:00', false, '2025-11-28T14:00:00.000Z', 'Thanksgiving'],
  [`${WEEK}; May Mo[-1] off "Memorial Day"`, '2026-05-25T10:00:00-04:00', false, '2026-05-26T13:00:00.000Z', 'Memorial Day'],
  [`${WEEK}; May Mo[-1] off "Memorial Day"`, '2026-05-18T10:00:00-04:00', true, '2026-05-18T21:00:00.000Z'],
  [`${WEEK}; Sep Mo[1] off "Labor Day"`, '2026-09-07T10:00:00-04:00', false, '2026-09-08T13:00:00.000Z', 'Labor Day'],
  [`${WEEK}; Jan Mo[3] off`, '2026-01-19T10:00:00-05:00', false, '2026-01-20T14:00:00.000Z'],
  [`${WEEK}; Jan Mo[3] off`, '2026-01-12T10:00:00-05:00', true, '2026-01-12T22:00:00.000Z'],
  // five-week months: March 2026 has five Mondays, four Wednesdays
  [`${WEEK}; Mar Mo[5] off`, '2026-03-30T10:00:00-04:00', false, '2026-03-31T13:00:00.000Z'],
  [`${WEEK}; Mar Mo[-1] off`, '2026-03-30T10:00:00-04:00', false, '2026-03-31T13:00:00.000Z'],
  [`${WEEK}; Mar Mo[-1] off`, '2026-03-23T10:00:00-04:00', true, '2026-03-23T21:00:00.000Z'],
  [`${WEEK}; Mar Mo[4] off`, '2026-03-23T10:00:00-04:00', false, '2026-03-24T13:00:00.000Z'],
  [`${WEEK}; Mar Mo[4] off`, '2026-03-30T10:00:00-04:00', true, '2026-03-30T21:00:00.000Z'],
  [`${WEEK}; Mar We[5] off`, '2026-03-25T10:00:00-04:00', true, '2026-03-25T21:00:00.000Z'],
  [`${WEEK}; Mar We[-1] off`, '2026-03-25T10:00:00-04:00', false, '2026-03-26T13:00:00.000Z'],
  [`${WEEK}; Mar Tu[5] off`, '2026-03-31T10:00:00-04:00', false, '2026-04-01T13:00:00.000Z'],
  // leap day: Feb 29 2028 is a Tuesday, the fifth of that February
  [`${WEEK}; Feb 29 off "Leap day"`, '2028-02-29T10:00:00-05:00', false, '2028-03-01T14:00:00.000Z', 'Leap day'],
  [`${WEEK}; Feb 29 off "Leap day"`, '2028-02-28T10:00:00-05:00', true, '2028-02-28T22:00:00.000Z'],
  [`${WEEK}; 2028 Feb 29 off`, '2028-02-29T10:00:00-05:00', false, '2028-03-01T14:00:00.000Z'],
  [`${WEEK}; Feb Tu[5] off`, '2028-02-29T10:00:00-05:00', false, '2028-03-01T14:00:00.000Z'],
  [`${WEEK}; Feb Tu[-1] off`, '2026-02-24T10:00:00-05:00', false, '2026-02-25T14:00:00.000Z'],
  [`${WEEK}; Feb 28-Mar 01 off`, '2028-02-29T10:00:00-05:00', false, '2028-03-02T14:00:00.000Z'],
  [`${WEEK}; 2027 Dec 01-Feb 29 off`, '2028-02-29T10:00:00-05:00', false, '2028-03-01T14:00:00.000Z'],
  [`${WEEK}; 2027 Dec 01-Feb 29 off`, '2027-11-30T10:00:00-05:00', true, '2027-11-30T22:00:00.000Z'],
  ['Feb 29 10:00-12:00', '2026-03-01T10:00:00-05:00', false, null],
  ['Dec 25 10:00-12:00', '2026-01-15T10:00:00-05:00', false, '2026-12-25T15:00:00.000Z'],
  // overnight ranges belong to the day they start; the part after midnight survives a next-day "off"
  ['Fr 18:00-02:00; Sa off', '2026-03-06T17:59:00-05:00', false, '2026-03-06T23:00:00.000Z'],
  ['Fr 18:00-02:00; Sa off', '2026-03-07T01:00:00-05:00', true, '2026-03-07T07:00:00.000Z'],
  ['Fr 18:00-02:00; Sa off', '2026-03-07T02:00:00-05:00', false, '2026-03-13T22:00:00.000Z'],
  ['Fr 18:00-02:00; Sa 10:00-14:00', '2026-03-07T03:00:00-05:00', false, '2026-03-07T15:00:00.000Z'],
  ['Fr 18:00-24:00; Sa 00:00-02:00', '2026-03-06T23:00:00-05:00', true, '2026-03-07T07:00:00.000Z'],
  ['Fr 18:00-00:00', '2026-03-06T23:59:00-05:00', true, '2026-03-07T05:00:00.000Z'],
  [`${WEEK}; Dec 31 18:00-02:00 "New Year party"; Jan 01 off "New Year"`, '2027-01-01T01:00:00-05:00', true, '2027-01-01T07:00:00.000Z', 'New Year party'],
  [`${WEEK}; Dec 31 18:00-02:00 "New Year party"; Jan 01 off "New Year"`, '2027-01-01T03:00:00-05:00', false, '2027-01-04T14:00:00.000Z', 'New Year'],
];

describe('stateAt (America/New_York)', () => {
  for (const [source, instant, open, next, reason] of rows) {
    it(`${source} at ${instant}`, () => {
      const state = stateAt(parseHours(source), new Date(instant), 'America/New_York');
      expect(state.open).toBe(open);
      expect(state.nextChange?.toISOString() ?? null).toBe(next);
      expect(state.reason).toBe(reason);
    });
  }
});

describe('stateAt: the deciding rule', () => {
  const rule = (source: string, instant: string): string => stateAt(parseHours(source), new Date(instant), 'America/New_York').rule;
  it('names the weekly rule on a weekday', () => expect(rule(XMAS, '2026-12-23T20:00:00-05:00')).toBe(WEEK));
  it('names the holiday rule on the holiday', () => expect(rule(XMAS, '2026-12-25T10:00:00-05:00')).toBe('Dec 25 off "Christmas"'));
  it('is empty when no rule names the day', () => expect(rule(WEEK, '2026-03-07T10:00:00-05:00')).toBe(''));
  it('names the starting day for the part after midnight', () => expect(rule('Fr 18:00-02:00; Sa off', '2026-03-07T01:00:00-05:00')).toBe('Fr 18:00-02:00'));
  it('names the next day once the overnight part ends', () => expect(rule('Fr 18:00-02:00; Sa off', '2026-03-07T02:00:00-05:00')).toBe('Sa off'));
  it('names 24/7', () => expect(rule('24/7', '2026-03-07T02:00:00-05:00')).toBe('24/7'));
  it('re-parses a schedule whose rules are not its own', () => {
    const copy = { ...parseHours(WEEK), rules: [] };
    expect(stateAt(copy, new Date('2026-03-02T10:00:00-05:00'), 'America/New_York').open).toBe(true);
  });
  it('rejects an unknown zone with config_invalid', () => {
    expect(() => stateAt(parseHours(WEEK), new Date(), 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});
