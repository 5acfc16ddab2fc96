import { describe, expect, it } from 'vitest';
import { isPivotEdgeError } from '../../shared/errors.js';
import type { PivotEdgeError } from '../../shared/errors.js';
import { explainHours, formatHoursError, parseHours, summarizeHours } from '../../shared/hours/index.js';

const SHOP = 'Mo-Fr 09:00-17:00; Sa 10:00-14:00 "Saturday hours"; Dec 24 09:00-12:00 "Christmas Eve"; Dec 25 off "Christmas"';
const NY = 'America/New_York';

function syntaxError(source: string): PivotEdgeError {
  try {
    parseHours(source);
  } catch (error) {
    if (isPivotEdgeError(error)) return error;
  }
  throw new Error(`${source} parsed`);
}

describe('explainHours', () => {
  it('explains a shop around Christmas', () => {
    expect(explainHours(parseHours(SHOP), NY, new Date('2026-12-23T19:48:00Z'), 5)).toBe(
      [
        `Hours: ${SHOP}`,
        'Zone:  America/New_York',
        'Now:   Wed 2026-12-23 14:48 EST: open now, closes 17:00 (in 2 h 12 min)',
        'Rule:  Mo-Fr 09:00-17:00',
        'Next change: Wed 2026-12-23 17:00 EST',
        '',
        'Next 5 days (local time; * = date rule):',
        '  Wed 2026-12-23  09:00-17:00',
        '  Thu 2026-12-24  09:00-12:00             * Christmas Eve',
        '  Fri 2026-12-25  closed                  * Christmas',
        '  Sat 2026-12-26  10:00-14:00             Saturday hours',
        '  Sun 2026-12-27  closed',
      ].join('\n'),
    );
  });

  it('shows warnings, the clock change and 14 days by default', () => {
    const text = explainHours(parseHours('Dec 25 off; Mo-Fr 09:00-17:00'), NY, new Date('2026-03-06T20:00:00Z'));
    const lines = text.split('\n');
    expect(lines[2]).toBe('Warning: date rule "Dec 25 off" comes before "Mo-Fr 09:00-17:00", which replaces it when the date falls on Mo,Tu,We,Th,Fr: later rules win, so put dates after the weekly hours');
    expect(lines).toContain('  Sun 2026-03-08  closed                  clocks change: 02:00 EST -> 03:00 EDT');
    expect(lines.filter((line) => /^ {2}\w{3} \d{4}-/.test(line))).toHaveLength(14);
  });

  it('says when no rule names the day, and a change at Santiago midnight', () => {
    const text = explainHours(parseHours('Sa 20:00-24:00; Su 00:00-02:00'), 'America/Santiago', new Date('2026-04-03T12:00:00Z'), 3);
    expect(text.split('\n').slice(2)).toEqual([
      'Now:   Fri 2026-04-03 09:00 GMT-3: closed now, opens Sat 20:00 (in 1 d 11 h)',
      'Rule:  none names today, so closed',
      'Next change: Sat 2026-04-04 20:00 GMT-3',
      '',
      'Next 3 days (local time; * = date rule):',
      '  Fri 2026-04-03  closed',
      '  Sat 2026-04-04  20:00-24:00             clocks change: 24:00 GMT-3 -> 23:00 GMT-4',
      '  Sun 2026-04-05  00:00-02:00',
    ]);
  });
});

describe('summarizeHours', () => {
  it.each([
    ['Mo-Fr 09:00-17:00', NY, '2026-03-02T18:48:00Z', 'America/New_York, Mo-Fr 09:00-17:00: open now, closes 17:00 (in 3 h 12 min)'],
    ['Mo-Fr 09:00-17:00', NY, '2026-03-02T13:59:30Z', 'America/New_York, Mo-Fr 09:00-17:00: closed now, opens 09:00 (in under 1 min)'],
    ['Mo-Fr 09:00-17:00', NY, '2026-03-06T22:00:00Z', 'America/New_York, Mo-Fr 09:00-17:00: closed now, opens Mon 09:00 (in 2 d 15 h)'],
    [SHOP, NY, '2026-12-25T15:00:00Z', `America/New_York, ${SHOP}: closed now ("Christmas"), opens Sat 10:00 (in 1 d)`],
    ['24/7', 'Europe/London', '2026-12-25T15:00:00Z', 'Europe/London, 24/7: open now, no closing within a year'],
    ['off', 'Europe/London', '2026-12-25T15:00:00Z', 'Europe/London, off: closed now, no opening within a year'],
    ['Dec 25 10:00-12:00', NY, '2026-01-15T15:00:00Z', 'America/New_York, Dec 25 10:00-12:00: closed now, opens Fri 2026-12-25 10:00 (in 344 d)'],
  ])('%s in %s at %s', (source, zone, at, line) => {
    expect(summarizeHours(parseHours(source), zone, new Date(at))).toBe(line);
  });
});

describe('formatHoursError', () => {
  it('puts a caret under the position', () => {
    expect(formatHoursError('Mo-Xy 09:00-17:00', syntaxError('Mo-Xy 09:00-17:00'))).toBe(
      'BUSINESS_HOURS: at position 3, found "Xy", expected a weekday like "Fr"\n  Mo-Xy 09:00-17:00\n     ^',
    );
  });
  it('includes the hint', () => {
    expect(formatHoursError('Mon-Fri 9-5', syntaxError('Mon-Fri 9-5'))).toBe(
      'BUSINESS_HOURS: at position 0, found "Mon", expected a weekday like "Mo", a date like "Dec 25", times like "09:00-17:00", "off" or "24/7"; hint: write "Mo-Fr 09:00-17:00"\n  Mon-Fri 9-5\n  ^',
    );
  });
  it('points past the end for a missing part', () => {
    expect(formatHoursError('Mo-Fr', syntaxError('Mo-Fr')).split('\n').slice(1)).toEqual(['  Mo-Fr', '       ^']);
  });
  it('shows only the line with the error', () => {
    const source = 'Mo-Fr 09:00-17:00;\nSa 10:00-1200';
    expect(formatHoursError(source, syntaxError(source)).split('\n').slice(1)).toEqual(['  Sa 10:00-1200', '           ^']);
  });
  it('cuts a long line around the position', () => {
    const source = `${'Mo-Fr 09:00-17:00; '.repeat(8)}Sa 10:00-x`;
    const [, line = '', caret = ''] = formatHoursError(source, syntaxError(source)).split('\n');
    expect(line.startsWith('  …')).toBe(true);
    expect(line.charAt(caret.length - 1)).toBe('x');
  });
});
