// What PUT /recordings/override accepts, and the 400s (with their exact words) for what it refuses:
// past times, too far ahead, bad states, and local times DST makes impossible or ambiguous.
import { describe, expect, it } from 'vitest';
import { PivotEdgeError } from '../../shared/errors.js';
import { localTimeToInstant } from '../../shared/override/local-time.js';
import { overrideFromRequest } from '../../shared/override/request.js';

const NY = 'America/New_York';
const now = new Date('2026-11-23T15:02:03.456Z'); // Monday 10:02 in New York

function refusal(body: unknown, timeZone: string | null = NY): { code: string; status: number; message: string } {
  try {
    overrideFromRequest(body, now, timeZone ?? undefined);
  } catch (error) {
    if (!(error instanceof PivotEdgeError)) throw error;
    return { code: error.code, status: error.status, message: error.message };
  }
  throw new Error('accepted');
}

describe('the override request', () => {
  it('reads a local time in TIMEZONE and stores the instant, with when it was set', () => {
    expect(overrideFromRequest({ state: 'closed', until: '2026-11-23T14:00' }, now, NY)).toEqual({
      state: 'closed',
      until: '2026-11-23T19:00:00.000Z',
      setAt: '2026-11-23T15:02:03.456Z',
    });
    expect(overrideFromRequest({ state: 'open', until: '2026-11-23 18:30:15' }, now, 'Europe/Berlin').until).toBe('2026-11-23T17:30:15.000Z');
  });

  it('takes an instant with an offset or Z as is, and next-change as such', () => {
    expect(overrideFromRequest({ state: 'open', until: '2026-11-23T14:00-08:00' }, now, NY).until).toBe('2026-11-23T22:00:00.000Z');
    expect(overrideFromRequest({ state: 'open', until: '2026-11-24T01:00:00Z' }, now, undefined).until).toBe('2026-11-24T01:00:00.000Z');
    expect(overrideFromRequest({ state: 'closed', until: ' next-change ', setAt: 'ignored' }, now, NY)).toEqual({ state: 'closed', until: 'next-change', setAt: '2026-11-23T15:02:03.456Z' });
  });

  it('refuses a time already past, and one more than 90 days ahead', () => {
    expect(refusal({ state: 'closed', until: '2026-11-23T10:02' })).toEqual({
      code: 'until_past', status: 400, message: '"until" (Mon 23 Nov, 10:02 in America/New_York) is already past: choose a later time.',
    });
    expect(refusal({ state: 'closed', until: '2027-02-21T10:03' })).toEqual({
      code: 'until_too_far', status: 400,
      message: '"until" (Sun 21 Feb, 10:03 in America/New_York) is more than 90 days ahead: put longer closures in BUSINESS_HOURS, like Jul 20-Aug 10 off "Summer break".',
    });
    expect(overrideFromRequest({ state: 'closed', until: '2027-02-21T10:02' }, now, NY).until).toBe('2027-02-21T15:02:00.000Z');
  });

  it('refuses a bad state, a missing or malformed until, and a body that is not an object', () => {
    expect(refusal({ state: 'shut', until: 'next-change' }).message).toBe('"state" must be "open" or "closed", found "shut"');
    expect(refusal({ until: 'next-change' }).message).toBe('"state" must be "open" or "closed", found nothing');
    expect(refusal({ state: 'closed' }).message).toBe('"until" is required: a local time like "2026-12-01T14:00", an instant like "2026-12-01T14:00-05:00", or "next-change"');
    expect(refusal({ state: 'closed', until: 'tomorrow 2pm' }).message).toBe(
      '"until" must be a local time like "2026-12-01T14:00", an instant like "2026-12-01T14:00-05:00", or "next-change", found "tomorrow 2pm"',
    );
    expect(refusal({ state: 'closed', until: '2026-11-31T14:00' })).toEqual({ code: 'bad_time', status: 400, message: '"2026-11-31T14:00" is not a date and time: expected YYYY-MM-DDTHH:MM, like 2026-12-01T14:00.' });
    expect(refusal({ state: 'closed', until: '2026-11-23T24:00' }).code).toBe('bad_time');
    for (const body of [null, 'closed', ['closed'], 42]) {
      expect(refusal(body).message).toBe('expected a JSON object like {"state":"closed","until":"2026-12-01T14:00"}');
    }
  });

  it('needs TIMEZONE for a local time, and says to send an offset instead', () => {
    expect(refusal({ state: 'closed', until: '2026-11-23T14:00' }, null)).toEqual({
      code: 'time_zone_unknown', status: 400,
      message: 'TIMEZONE is not set (or not valid), so "2026-11-23T14:00" cannot be placed: send it with an offset, like "2026-11-23T14:00-05:00".',
    });
  });
});

describe('local times around DST changes', () => {
  it('refuses a time the clocks skip (New York springs forward 2027-03-14 02:00 -> 03:00)', () => {
    expect(() => localTimeToInstant('2027-03-14T02:30', NY)).toThrow('2027-03-14T02:30 does not exist in America/New_York (the clocks skip it): choose another time.');
    expect(localTimeToInstant('2027-03-14T01:59', NY).toISOString()).toBe('2027-03-14T06:59:00.000Z');
    expect(localTimeToInstant('2027-03-14T03:00', NY).toISOString()).toBe('2027-03-14T07:00:00.000Z');
  });

  it('refuses a time that happens twice (New York falls back 2026-11-01 02:00 -> 01:00), naming both', () => {
    expect(() => localTimeToInstant('2026-11-01T01:30', NY)).toThrow(
      '2026-11-01T01:30 happens twice in America/New_York (the clocks go back): send 2026-11-01T01:30-04:00 for the first, 2026-11-01T01:30-05:00 for the second.',
    );
    expect(localTimeToInstant('2026-11-01T00:59', NY).toISOString()).toBe('2026-11-01T04:59:00.000Z');
    expect(localTimeToInstant('2026-11-01T02:00', NY).toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles a southern-hemisphere zone and a half-hour one', () => {
    // Sydney springs forward 2026-10-04 02:00 -> 03:00; Adelaide is UTC+10:30 in summer and falls back 2027-04-04 03:00 -> 02:00.
    expect(() => localTimeToInstant('2026-10-04T02:15', 'Australia/Sydney')).toThrow('does not exist');
    expect(() => localTimeToInstant('2027-04-04T02:30', 'Australia/Adelaide')).toThrow('send 2027-04-04T02:30+10:30 for the first, 2027-04-04T02:30+09:30 for the second.');
    expect(localTimeToInstant('2026-12-01T14:00', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T08:30:00.000Z');
  });

  it('the 400 from a refused local time reaches the owner as is', () => {
    const refused = refusal({ state: 'closed', until: '2027-03-14T02:30' }, NY);
    expect(refused).toMatchObject({ code: 'time_does_not_exist', status: 400 });
  });
});
