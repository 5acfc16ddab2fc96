// The zone offsets the hours run on (shared/hours/zone.ts): exact to the second around every change,
// worked out one UTC day at a time only where asked, and then served from the cache.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHours, stateAt } from '../../shared/hours/index.js';
import { nextTransitionAfter, offsetAt, probeOffset } from '../../shared/hours/zone.js';

const H = 3_600_000;
const M = 60_000;
const ms = (iso: string): number => Date.parse(iso);

// Each zone's changes in 2026, as Intl (ICU's tz data) has them: first instant of the new offset.
const CHANGES: readonly (readonly [string, readonly (readonly [string, number, number])[]])[] = [
  ['America/New_York', [['2026-03-08T07:00:00Z', -5 * H, -4 * H], ['2026-11-01T06:00:00Z', -4 * H, -5 * H]]],
  ['Europe/London', [['2026-03-29T01:00:00Z', 0, 1 * H], ['2026-10-25T01:00:00Z', 1 * H, 0]]],
  // Half an hour, not one: +11:00 in the southern summer, +10:30 in winter.
  ['Australia/Lord_Howe', [['2026-04-04T15:00:00Z', 11 * H, 10.5 * H], ['2026-10-03T15:30:00Z', 10.5 * H, 11 * H]]],
  // At local midnight: Saturday 24:00 becomes 23:00, and 00:00 becomes 01:00.
  ['America/Santiago', [['2026-04-05T03:00:00Z', -3 * H, -4 * H], ['2026-09-06T04:00:00Z', -4 * H, -3 * H]]],
  // Summer time suspended for Ramadan.
  ['Africa/Casablanca', [['2026-02-15T02:00:00Z', 1 * H, 0], ['2026-03-22T02:00:00Z', 0, 1 * H]]],
];

afterEach(() => vi.restoreAllMocks());

describe('zone offsets around each change, to the second', () => {
  it.each(CHANGES)('%s', (zone, changes) => {
    let after = ms('2026-01-01T00:00:00Z');
    for (const [at, before, afterOffset] of changes) {
      expect(offsetAt(zone, ms(at) - 1000), `${zone} 1 s before ${at}`).toBe(before);
      expect(offsetAt(zone, ms(at) - 1), `${zone} 1 ms before ${at}`).toBe(before);
      expect(offsetAt(zone, ms(at)), `${zone} at ${at}`).toBe(afterOffset);
      expect(offsetAt(zone, ms(at) + 1000), `${zone} 1 s after ${at}`).toBe(afterOffset);
      expect(nextTransitionAfter(zone, after, ms('2027-01-01T00:00:00Z'))).toEqual({ at: ms(at), offsetMs: afterOffset });
      after = ms(at);
    }
    expect(nextTransitionAfter(zone, after, ms('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('a zone without DST has one offset and no change all year (Asia/Kolkata, +05:30)', () => {
    for (let day = 0; day < 365; day += 30) expect(offsetAt('Asia/Kolkata', ms('2026-01-01T00:00:00Z') + day * 24 * H)).toBe(5.5 * H);
    expect(nextTransitionAfter('Asia/Kolkata', ms('2026-01-01T00:00:00Z'), ms('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('a change exactly at 00:00 UTC, where one cached day ends and the next begins (Jerusalem, Chisinau)', () => {
    for (const [zone, iso, before, after] of [['Asia/Jerusalem', '2026-03-27T00:00:00Z', 2 * H, 3 * H], ['Europe/Chisinau', '2026-10-25T00:00:00Z', 3 * H, 2 * H]] as const) {
      const at = ms(iso);
      expect(offsetAt(zone, at - 1), zone).toBe(before);
      expect(offsetAt(zone, at), zone).toBe(after);
      expect(nextTransitionAfter(zone, at - 24 * H, at), zone).toEqual({ at, offsetMs: after });
      expect(nextTransitionAfter(zone, at - 1, at + 24 * H), zone).toEqual({ at, offsetMs: after });
      expect(nextTransitionAfter(zone, at, at + 24 * H), zone).toBeUndefined();
      expect(nextTransitionAfter(zone, at - 24 * H, at - 1), zone).toBeUndefined();
    }
  });

  it('far from now: local mean time in 1883, the year 50 (not 1950), and 2200 under the current rules', () => {
    // New York's railway time: 12:03:58 local mean time became 12:00 EST.
    expect(offsetAt('America/New_York', ms('1883-11-18T16:59:59Z'))).toBe(-(4 * H + 56 * M + 2000));
    expect(nextTransitionAfter('America/New_York', ms('1883-11-18T00:00:00Z'), ms('1883-11-19T00:00:00Z'))).toEqual({ at: ms('1883-11-18T17:00:00Z'), offsetMs: -5 * H });
    expect(offsetAt('America/New_York', ms('0050-06-01T00:00:00Z'))).toBe(-(4 * H + 56 * M + 2000));
    expect(nextTransitionAfter('America/New_York', ms('2200-01-01T00:00:00Z'), ms('2201-01-01T00:00:00Z'))).toEqual({ at: ms('2200-03-09T07:00:00Z'), offsetMs: -4 * H });
    expect(nextTransitionAfter('Australia/Lord_Howe', ms('2200-06-01T00:00:00Z'), ms('2201-01-01T00:00:00Z'))).toEqual({ at: ms('2200-10-04T15:30:00Z'), offsetMs: 11 * H });
  });

  it('probeOffset reads Intl directly, for any instant', () => {
    expect(probeOffset('Australia/Lord_Howe', ms('2026-10-03T15:29:59Z'))).toBe(10.5 * H);
    expect(probeOffset('Australia/Lord_Howe', ms('2026-10-03T15:30:00Z'))).toBe(11 * H);
    expect(probeOffset('UTC', ms('2026-10-03T15:30:00Z'))).toBe(0);
    expect(() => probeOffset('Mars/Olympus_Mons', 0)).toThrow(/TIMEZONE: unknown time zone "Mars\/Olympus_Mons"/);
  });
});

describe('worked out only as needed, then cached', () => {
  // Every probe reads a formatter's `format` (a getter): counting reads counts Intl lookups.
  const probes = () => vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { readonly format: unknown }, 'format', 'get');

  it('one offset costs one UTC day of samples (not a year); asking again costs nothing', () => {
    const spy = probes();
    const instant = ms('2031-07-14T12:34:56Z');
    expect(offsetAt('Europe/Paris', instant)).toBe(2 * H);
    // The day's start and four 6-hour samples.
    expect(spy.mock.calls.length).toBe(5);
    spy.mockClear();
    expect(offsetAt('Europe/Paris', instant + H)).toBe(2 * H);
    expect(offsetAt('Europe/Paris', instant - 12 * H)).toBe(2 * H);
    expect(spy).not.toHaveBeenCalled();
  });

  it('a search looks only at the days up to its limit, and a day with a change is bisected once', () => {
    const spy = probes();
    const from = ms('2032-10-29T00:00:00Z');
    expect(nextTransitionAfter('Europe/Berlin', from, from + 2 * 24 * H - 1)).toBeUndefined();
    expect(spy.mock.calls.length).toBe(2 * 5);
    spy.mockClear();
    // Sunday 31 October 2032, 01:00Z: CEST to CET, in the third day.
    expect(nextTransitionAfter('Europe/Berlin', from, from + 30 * 24 * H)).toEqual({ at: ms('2032-10-31T01:00:00Z'), offsetMs: 1 * H });
    const bisected = spy.mock.calls.length;
    expect(bisected).toBeGreaterThan(5);
    expect(bisected).toBeLessThan(5 + 20);
    spy.mockClear();
    expect(nextTransitionAfter('Europe/Berlin', from, from + 30 * 24 * H)).toEqual({ at: ms('2032-10-31T01:00:00Z'), offsetMs: 1 * H });
    expect(offsetAt('Europe/Berlin', ms('2032-10-31T00:59:59Z'))).toBe(2 * H);
    expect(spy).not.toHaveBeenCalled();
  });

  it("a call's question (open now? until when?) works out the days up to the next change only", () => {
    const schedule = parseHours('Mo-Fr 09:00-17:00');
    const spy = probes();
    // A Tuesday at 10:00 in Chicago: open, closes at 17:00 the same day.
    const state = stateAt(schedule, new Date('2033-03-15T15:00:00Z'), 'America/Chicago');
    expect(state).toMatchObject({ open: true, nextChange: new Date('2033-03-15T22:00:00Z') });
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2 * 5);
  });
});
