import { describe, expect, it } from 'vitest';
import { isPivotEdgeError } from '../../shared/errors.js';
import { parseHours } from '../../shared/hours/index.js';

// [as written, canonical]
const canonicalRows: readonly (readonly [string, string])[] = [
  ['Mo-Fr 09:00-17:00', 'Mo-Fr 09:00-17:00'],
  ['  Mo - Fr   09:00 - 17:00  ', 'Mo-Fr 09:00-17:00'],
  ['Mo-Fr 08:30-12:00,13:00-17:30', 'Mo-Fr 08:30-12:00,13:00-17:30'],
  ['Mo-Fr 08:30-12:00 , 13:00-17:30', 'Mo-Fr 08:30-12:00,13:00-17:30'],
  ['Sa,Su 10:00-14:00', 'Sa,Su 10:00-14:00'],
  ['Mo-We,Fr 09:00-17:00', 'Mo-We,Fr 09:00-17:00'],
  ['Fr-Mo 10:00-12:00', 'Fr-Mo 10:00-12:00'],
  ['Mo-Mo 10:00-12:00', 'Mo 10:00-12:00'],
  ['10:00-18:00', '10:00-18:00'],
  ['24/7', '24/7'],
  ['24 / 7', '24/7'],
  ['00:00-24:00', '24/7'],
  ['Mo-Su 00:00-24:00', 'Mo-Su 00:00-24:00'],
  ['off', 'off'],
  ['closed', 'off'],
  ['Sa closed', 'Sa off'],
  ['Fr 18:00-02:00', 'Fr 18:00-02:00'],
  ['Fr 18:00-00:00', 'Fr 18:00-24:00'],
  ['Dec 25 off', 'Dec 25 off'],
  ['Dec 5 off', 'Dec 05 off'],
  ['Dec 25 off "Christmas"', 'Dec 25 off "Christmas"'],
  ['Dec 25 off " Christmas "', 'Dec 25 off "Christmas"'],
  ['Dec 24 09:00-12:00 "Christmas Eve"', 'Dec 24 09:00-12:00 "Christmas Eve"'],
  ['Dec 24-Dec 26 off', 'Dec 24-Dec 26 off'],
  ['Dec 24-26 off', 'Dec 24-Dec 26 off'],
  ['Dec 20-Jan 05 off', 'Dec 20-Jan 05 off'],
  ['Dec 25,Dec 26 off', 'Dec 25,Dec 26 off'],
  ['2026 Nov 27 off', '2026 Nov 27 off'],
  ['2026 Dec 28-2027 Jan 01 off', '2026 Dec 28-2027 Jan 01 off'],
  ['2026 Dec 20-2026 Dec 28 off', '2026 Dec 20-Dec 28 off'],
  ['2026 Dec 28-Jan 01 off', '2026 Dec 28-Jan 01 off'],
  ['Nov Th[4] off "Thanksgiving"', 'Nov Th[4] off "Thanksgiving"'],
  ['May Mo[-1] off', 'May Mo[-1] off'],
  ['May Mo[ -1 ] off', 'May Mo[-1] off'],
  ['2026 Nov Th[4] 10:00-14:00', '2026 Nov Th[4] 10:00-14:00'],
  ['Feb 29 off', 'Feb 29 off'],
  ['2028 Feb 29 off', '2028 Feb 29 off'],
  // A range without an end year ends in the next year when its month comes first: 2028 is a leap year.
  ['2027 Dec 01-Feb 29 off', '2027 Dec 01-Feb 29 off'],
  ['2027 Nov 01-2028 Feb 29 off', '2027 Nov 01-2028 Feb 29 off'],
  ['Mo-Fr 09:00-17:00;', 'Mo-Fr 09:00-17:00'],
  ['Mo-Fr 09:00-17:00;Sa 10:00-12:00', 'Mo-Fr 09:00-17:00; Sa 10:00-12:00'],
  ['Mo-Fr 09:00-17:00 ;\n Dec 25 off "Christmas; closed"', 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas; closed"'],
  ['24/7 "always"', '24/7 "always"'],
  ['10:00-18:00 "daily"', '10:00-18:00 "daily"'],
];

describe('parseHours: canonical form', () => {
  it.each(canonicalRows)('%j', (source, canonical) => {
    const schedule = parseHours(source);
    expect(schedule.canonical).toBe(canonical);
    expect(schedule.source).toBe(source);
    expect(parseHours(schedule.canonical).canonical).toBe(canonical);
  });
});

// [source, position, found, hint (undefined: none; a string: must equal)]
type ErrorRow = readonly [source: string, position: number, found: string, hint?: string];
const errorRows: readonly ErrorRow[] = [
  ['', 0, 'end of input'],
  ['   ', 3, 'end of input'],
  ['Mon-Fri 9-5', 0, '"Mon"', 'write "Mo-Fr 09:00-17:00"'],
  ['Monday-Friday 9am-5pm', 0, '"Monday"', 'write "Mo-Fr 09:00-17:00"'],
  ['mo-fr 09:00-17:00', 0, '"mo"', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fri 09:00-17:00', 3, '"Fri"', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 9:00-17:00', 6, '"9:00"', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 9-17', 6, '"9"', 'write "Mo-Fr 09:00-17:00"'],
  ['Mo-Fr 09:00-17:00, Sa 10:00-12:00', 19, '"Sa"', 'separate rules with ";", e.g. "Mo-Fr 09:00-17:00; Sa 10:00-12:00"'],
  ['Mo-Fr', 5, 'end of input'],
  ['Mo-Fr "x"', 6, '"\\"x\\""'],
  ['Mo-', 3, 'end of input'],
  ['Mo-Xy 09:00-17:00', 3, '"Xy"'],
  ['Mo-Fr 09:00', 11, 'end of input'],
  ['Mo-Fr 09:00-', 12, 'end of input'],
  ['Mo-Fr 09:00-17:00 10:00-12:00', 18, '"10:00"'],
  ['Mo-Fr 09:00-09:00', 12, '"09:00"', 'for a whole day write "00:00-24:00"'],
  ['Mo-Fr 24:00-02:00', 6, '"24:00"'],
  ['Mo-Fr 09:00-26:00', 12, '"26:00"', 'a range past midnight ends at the next day\'s time: write "02:00"'],
  ['Mo-Fr 09:60-17:00', 6, '"09:60"'],
  ['Mo-Fr 009:00-17:00', 6, '"009:00"'],
  ['Mo-Fr 09:00-17:00;;Sa off', 18, '";"', 'remove the extra ";"'],
  [';Mo off', 0, '";"', 'remove the extra ";"'],
  ['Mo-Fr 09:00-17:00 "open', 18, '"\\"open"'],
  ['Dec 25 off ""', 11, '"\\"\\""'],
  ['Dec 25', 6, 'end of input'],
  ['Dec 32 off', 4, '"32"'],
  ['Feb 30 off', 4, '"30"'],
  ['2027 Feb 29 off', 9, '"29"'],
  ['2026 Dec 01-Feb 29 off', 16, '"29"'], // ends in 2027, not a leap year
  ['2028 Jan 10-Feb 30 off', 16, '"30"'],
  ['Dec off', 4, '"off"'],
  ['December 25 off', 0, '"December"', 'write "Dec 25 off"'],
  ['dec 25 off', 0, '"dec"', 'write "Dec 25 off"'],
  ['Dec 26-24 off', 7, '"24"'],
  ['2026 Dec 28-2026 Dec 01 off', 21, '"01"'],
  ['Dec 28-2027 Jan 01 off', 7, '"2027"'],
  ['1900 Dec 25 off', 0, '"1900"'],
  ['Nov Th[6] off', 7, '"6"'],
  ['Nov Th[0] off', 7, '"0"'],
  ['Nov Th4 off', 6, '"4"'],
  ['Nov Th[4 off', 9, '"off"'],
  ['PH off', 0, '"PH"', 'public and school holidays are not built in; write each one as a date rule, e.g. "Dec 25 off"'],
  ['Mo-Fr 09:00-17:00 || Sa', 18, '"|"'],
  ['Mo-Fr 09:00-17:00 open', 18, '"open"', 'write the opening times, e.g. "09:00-17:00"'],
  ['Mo-Fr Off', 6, '"Off"', 'write "Mo-Fr off"'],
  ['Dec 25 Off', 7, '"Off"', 'write "Dec 25 off"'],
  ['Mo 24/7', 3, '"24"', 'for whole days write "00:00-24:00"; "24/7" stands alone'],
  ['Dec 25 Mo off', 7, '"Mo"'],
  ['Mo,Dec 25 off', 3, '"Dec"'],
  ['Mo-Fr 09:00-17:00 "a" "b"', 22, '"\\"b\\""'],
  ['Mo-Fr 09:00–17:00', 11, '"–"', 'write "Mo-Fr 09:00-17:00"'],
];

describe('parseHours: errors name the position, the token and what was expected', () => {
  for (const [source, position, found, hint] of errorRows) {
    it(JSON.stringify(source), () => {
      let caught: unknown;
      try {
        parseHours(source);
      } catch (error) {
        caught = error;
      }
      if (!isPivotEdgeError(caught)) throw new Error(`expected a PivotEdgeError, got ${String(caught)}`);
      expect(caught.code).toBe('hours_syntax');
      expect(caught.status).toBe(400);
      expect(caught.details).toMatchObject({ position, found });
      expect(typeof caught.details.expected).toBe('string');
      expect(caught.details.hint).toBe(hint);
      expect(caught.message).toContain(`BUSINESS_HOURS: at position ${position}, found ${found}, expected ${String(caught.details.expected)}`);
    });
  }
});

describe('parseHours: the message reads well', () => {
  it('names what was expected', () => {
    expect(() => parseHours('Mo-Xy 09:00-17:00')).toThrow('BUSINESS_HOURS: at position 3, found "Xy", expected a weekday like "Fr"');
  });
  it('gives a whole-rule hint for a near miss', () => {
    expect(() => parseHours('Mon-Fri 9-5')).toThrow(/hint: write "Mo-Fr 09:00-17:00"$/);
  });
});
