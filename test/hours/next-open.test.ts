import { describe, expect, it } from 'vitest';
import { closedGreeting } from '../../shared/calls/context.js';
import { parseConfig } from '../../shared/config/index.js';
import { nextOpening, parseHours, spokenNextOpen } from '../../shared/hours/index.js';

const ZONE = 'America/Chicago';
// A dental office: a lunch break, Saturday mornings, a short Christmas Eve, holidays.
const OFFICE = parseHours(
  'Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-12:00; Dec 24 08:00-12:00 "Christmas Eve"; Dec 25 off "Christmas"; Jan 01 off "New Year\'s Day"',
);

/** What `{next_open}` says at a local instant (ISO with offset). */
const said = (at: string, schedule = OFFICE, language = 'en'): string => {
  const now = new Date(at);
  return spokenNextOpen(nextOpening(schedule, ZONE, now), now, ZONE, language);
};

describe('{next_open}: the next opening, said from now in local time', () => {
  it.each([
    // Around lunch and the working day (Tue 2026-12-01, CST).
    ['before opening', '2026-12-01T07:00:00-06:00', 'today at 8 AM'],
    ['at lunch', '2026-12-01T12:15:00-06:00', 'today at 1 PM'],
    ['after closing', '2026-12-01T17:30:00-06:00', 'tomorrow at 8 AM'],
    ['just before midnight', '2026-12-01T23:59:00-06:00', 'tomorrow at 8 AM'],
    ['just after midnight', '2026-12-02T00:01:00-06:00', 'today at 8 AM'],
    // Friday evening, and Saturday after closing.
    ['Friday evening', '2026-12-04T17:30:00-06:00', 'tomorrow at 9 AM'],
    ['Saturday afternoon', '2026-12-05T12:30:00-06:00', 'Monday at 8 AM'],
    ['Sunday', '2026-12-06T10:00:00-06:00', 'tomorrow at 8 AM'],
    // A holiday eve: Christmas Eve closes at noon; Christmas (a Friday in 2026) is off.
    ['Christmas Eve afternoon', '2026-12-24T12:30:00-06:00', 'Saturday at 9 AM'],
    ['Christmas Day', '2026-12-25T10:00:00-06:00', 'tomorrow at 9 AM'],
    // The New Year: Jan 01 2027 (a Friday) is off.
    ["New Year's Eve", '2026-12-31T17:30:00-06:00', 'Saturday at 9 AM'],
    ["New Year's Day", '2027-01-01T10:00:00-06:00', 'tomorrow at 9 AM'],
    // A DST weekend: clocks spring forward on Sun 2026-03-08 and fall back on Sun 2026-11-01.
    ['Friday before spring forward', '2026-03-06T17:30:00-06:00', 'tomorrow at 9 AM'],
    ['Saturday before spring forward', '2026-03-07T12:30:00-06:00', 'Monday at 8 AM'],
    ['Saturday before fall back', '2026-10-31T12:30:00-05:00', 'Monday at 8 AM'],
  ])('%s (%s): %j', (_, at, expected) => {
    expect(said(at)).toBe(expected);
  });

  it('the DST weekend lands on the real instant: Monday 08:00 CDT is 13:00Z, Monday 08:00 CST is 14:00Z', () => {
    expect(nextOpening(OFFICE, ZONE, new Date('2026-03-07T12:30:00-06:00'))?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(nextOpening(OFFICE, ZONE, new Date('2026-10-31T12:30:00-05:00'))?.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('an opening inside the spring-forward gap happens, and is said, at 3 AM', () => {
    expect(said('2026-03-07T20:00:00-06:00', parseHours('Su 02:30-04:00'))).toBe('tomorrow at 3 AM');
  });

  it('a week or more ahead: the date', () => {
    const winterBreak = parseHours('Mo-Sa 08:00-17:00; Dec 24-Jan 01 off "Winter break"');
    expect(said('2026-12-23T18:00:00-06:00', winterBreak)).toBe('on January 2 at 8 AM');
    // Seven days ahead is the same weekday as today: the date. Six days ahead is still a weekday name.
    expect(said('2026-12-21T18:00:00-06:00', parseHours('Mo-Fr 08:00-17:00; Dec 22-Dec 27 off'))).toBe('on December 28 at 8 AM');
    expect(said('2026-12-22T18:00:00-06:00', parseHours('Mo-Fr 08:00-17:00; Dec 23-Dec 27 off'))).toBe('Monday at 8 AM');
  });

  it('minutes, noon and midnight', () => {
    expect(said('2026-12-01T17:30:00-06:00', parseHours('Mo-Fr 08:30-17:00'))).toBe('tomorrow at 8:30 AM');
    expect(said('2026-12-01T07:00:00-06:00', parseHours('Mo-Fr 12:00-20:00'))).toBe('today at noon');
    expect(said('2026-12-01T07:00:00-06:00', parseHours('Mo-Fr 12:05-20:00'))).toBe('today at 12:05 PM');
    expect(said('2026-12-01T20:30:00-06:00', parseHours('Mo-Fr 07:00-20:00,21:15-23:00'))).toBe('today at 9:15 PM');
    // Midnight is said as the end of the day before: "tonight", or that day's name.
    expect(said('2026-12-25T10:00:00-06:00', parseHours('24/7; Dec 25 off "Christmas"'))).toBe('tonight at midnight');
    expect(said('2026-12-04T10:00:00-06:00', parseHours('Mo 00:00-08:00'))).toBe('Sunday at midnight');
    expect(said('2026-12-01T10:00:00-06:00', parseHours('Dec 03 00:00-08:00'))).toBe('tomorrow at midnight');
  });

  it('other languages, no opening within a year, or an opening not after now: nothing to say', () => {
    expect(said('2026-12-01T12:15:00-06:00', OFFICE, 'es')).toBe('');
    expect(said('2026-12-01T12:15:00-06:00', OFFICE, 'en-gb')).toBe('today at 1 PM');
    expect(said('2026-12-01T12:15:00-06:00', parseHours('off'))).toBe('');
    expect(said('2026-12-01T10:00:00-06:00')).toBe(''); // open now: nextOpening is now itself
  });

  it('composes with a "closed until" override: the opening at or after the override ends', () => {
    const now = new Date('2026-12-01T11:00:00-06:00');
    const reopen = (until: string): string => spokenNextOpen(nextOpening(OFFICE, ZONE, new Date(until)), now, ZONE, 'en');
    expect(reopen('2026-12-01T14:00:00-06:00')).toBe('today at 2 PM'); // open then: the override's end
    expect(reopen('2026-12-01T12:30:00-06:00')).toBe('today at 1 PM'); // lunch then: after lunch
    expect(reopen('2026-12-01T18:00:00-06:00')).toBe('tomorrow at 8 AM');
  });
});

describe('GREETING_CLOSED with {next_open}', () => {
  const config = (env: Record<string, string> = {}) => parseConfig({ TIMEZONE: ZONE, ...env });

  it('the default greeting says when we reopen, and leaves the sentence out when there is nothing to say', () => {
    expect(closedGreeting(config(), 'Christmas', 'Saturday at 9 AM')).toBe(
      'Thank you for calling. Christmas. We are closed right now. We reopen Saturday at 9 AM. Please leave a message.',
    );
    expect(closedGreeting(config(), undefined, '')).toBe('Thank you for calling. We are closed right now. Please leave a message.');
  });

  it("the owner's own sentence, wherever it stands", () => {
    const own = config({ GREETING_CLOSED: "You've reached Dr. Smith's office. We're back {next_open}! {reason} Leave a message." });
    expect(closedGreeting(own, 'Staff training', 'tomorrow at 8 AM')).toBe(
      "You've reached Dr. Smith's office. We're back tomorrow at 8 AM! Staff training. Leave a message.",
    );
    expect(closedGreeting(own, undefined, '')).toBe("You've reached Dr. Smith's office. Leave a message.");
    const last = config({ GREETING_CLOSED: 'Closed. Open again {next_open}' });
    expect(closedGreeting(last, undefined, '')).toBe('Closed.');
  });
});
