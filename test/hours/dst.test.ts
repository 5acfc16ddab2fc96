import { describe, expect, it } from 'vitest';
import { parseHours, stateAt } from '../../shared/hours/index.js';

// [zone, schedule, instant (UTC), open, nextChange (UTC) or null]
type Row = readonly [string, string, string, boolean, string | null];

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const SYDNEY = 'Australia/Sydney';
const SANTIAGO = 'America/Santiago';

const rows: readonly Row[] = [
  // New York spring forward, Sun 2026-03-08: 02:00 EST -> 03:00 EDT at 07:00Z.
  [NY, 'Su 01:00-03:00', '2026-03-08T05:59:59.000Z', false, '2026-03-08T06:00:00.000Z'],
  [NY, 'Su 01:00-03:00', '2026-03-08T06:00:00.000Z', true, '2026-03-08T07:00:00.000Z'], // one real hour
  [NY, 'Su 01:00-03:00', '2026-03-08T06:30:00.000Z', true, '2026-03-08T07:00:00.000Z'],
  [NY, 'Su 01:00-03:00', '2026-03-08T07:00:00.000Z', false, '2026-03-15T05:00:00.000Z'],
  [NY, 'Su 02:30-05:00', '2026-03-08T06:00:00.000Z', false, '2026-03-08T07:00:00.000Z'], // 02:30 does not exist: opens 03:00 EDT
  [NY, 'Su 02:30-05:00', '2026-03-08T07:00:00.000Z', true, '2026-03-08T09:00:00.000Z'],
  [NY, 'Su 02:00-02:30; Mo 09:00-10:00', '2026-03-08T06:00:00.000Z', false, '2026-03-09T13:00:00.000Z'], // only in the gap: never open
  [NY, 'Su 02:00-02:30; Mo 09:00-10:00', '2026-03-01T07:10:00.000Z', true, '2026-03-01T07:30:00.000Z'],
  [NY, 'Sa 18:00-02:00', '2026-03-08T06:30:00.000Z', true, '2026-03-08T07:00:00.000Z'], // overnight end in the gap
  [NY, 'Su 00:00-24:00', '2026-03-08T05:00:00.000Z', true, '2026-03-09T04:00:00.000Z'], // a 23-hour day
  [NY, 'Mo-Fr 09:00-17:00', '2026-03-06T22:00:00.000Z', false, '2026-03-09T13:00:00.000Z'],
  // New York fall back, Sun 2026-11-01: 02:00 EDT -> 01:00 EST at 06:00Z; 01:00-02:00 happens twice.
  [NY, 'Su 01:00-01:30', '2026-11-01T05:15:00.000Z', true, '2026-11-01T05:30:00.000Z'], // 01:15 EDT
  [NY, 'Su 01:00-01:30', '2026-11-01T05:30:00.000Z', false, '2026-11-01T06:00:00.000Z'],
  [NY, 'Su 01:00-01:30', '2026-11-01T06:15:00.000Z', true, '2026-11-01T06:30:00.000Z'], // 01:15 EST: same answer
  [NY, 'Su 01:00-01:30', '2026-11-01T06:30:00.000Z', false, '2026-11-08T06:00:00.000Z'],
  [NY, 'Su 01:30-03:00', '2026-11-01T05:45:00.000Z', true, '2026-11-01T06:00:00.000Z'], // 01:00 EST is before 01:30
  [NY, 'Su 01:30-03:00', '2026-11-01T06:00:00.000Z', false, '2026-11-01T06:30:00.000Z'],
  [NY, 'Su 01:30-03:00', '2026-11-01T06:30:00.000Z', true, '2026-11-01T08:00:00.000Z'],
  [NY, 'Sa 22:00-01:30', '2026-11-01T05:15:00.000Z', true, '2026-11-01T05:30:00.000Z'],
  [NY, 'Sa 22:00-01:30', '2026-11-01T06:15:00.000Z', true, '2026-11-01T06:30:00.000Z'],
  [NY, 'Su 00:00-24:00', '2026-11-01T04:00:00.000Z', true, '2026-11-02T05:00:00.000Z'], // a 25-hour day
  [NY, 'Mo-Fr 09:00-17:00', '2026-10-30T21:00:00.000Z', false, '2026-11-02T14:00:00.000Z'],
  // London spring forward, Sun 2026-03-29: 01:00 GMT -> 02:00 BST at 01:00Z.
  [LONDON, 'Su 00:30-01:30', '2026-03-29T00:45:00.000Z', true, '2026-03-29T01:00:00.000Z'],
  [LONDON, 'Su 01:30-03:00', '2026-03-29T00:59:00.000Z', false, '2026-03-29T01:00:00.000Z'],
  [LONDON, 'Su 01:30-03:00', '2026-03-29T01:00:00.000Z', true, '2026-03-29T02:00:00.000Z'],
  [LONDON, 'Mo-Fr 09:00-17:00', '2026-03-27T17:00:00.000Z', false, '2026-03-30T08:00:00.000Z'],
  // London fall back, Sun 2026-10-25: 02:00 BST -> 01:00 GMT at 01:00Z.
  [LONDON, 'Su 01:00-01:30', '2026-10-25T00:10:00.000Z', true, '2026-10-25T00:30:00.000Z'],
  [LONDON, 'Su 01:00-01:30', '2026-10-25T00:30:00.000Z', false, '2026-10-25T01:00:00.000Z'],
  [LONDON, 'Su 01:00-01:30', '2026-10-25T01:10:00.000Z', true, '2026-10-25T01:30:00.000Z'],
  [LONDON, 'Su 01:00-01:30', '2026-10-25T01:30:00.000Z', false, '2026-11-01T01:00:00.000Z'],
  [LONDON, 'Mo-Fr 09:00-17:00', '2026-10-23T16:00:00.000Z', false, '2026-10-26T09:00:00.000Z'],
  // Sydney fall back, Sun 2026-04-05: 03:00 AEDT -> 02:00 AEST at 16:00Z on Apr 4.
  [SYDNEY, 'Su 02:00-02:30', '2026-04-04T15:15:00.000Z', true, '2026-04-04T15:30:00.000Z'],
  [SYDNEY, 'Su 02:00-02:30', '2026-04-04T15:30:00.000Z', false, '2026-04-04T16:00:00.000Z'],
  [SYDNEY, 'Su 02:00-02:30', '2026-04-04T16:15:00.000Z', true, '2026-04-04T16:30:00.000Z'],
  [SYDNEY, 'Su 02:00-02:30', '2026-04-04T16:30:00.000Z', false, '2026-04-11T16:00:00.000Z'],
  [SYDNEY, 'Mo-Fr 09:00-17:00', '2026-04-03T06:00:00.000Z', false, '2026-04-05T23:00:00.000Z'],
  // Sydney spring forward, Sun 2026-10-04: 02:00 AEST -> 03:00 AEDT at 16:00Z on Oct 3.
  [SYDNEY, 'Su 01:00-03:00', '2026-10-03T15:00:00.000Z', true, '2026-10-03T16:00:00.000Z'],
  [SYDNEY, 'Su 02:30-04:00', '2026-10-03T15:30:00.000Z', false, '2026-10-03T16:00:00.000Z'],
  [SYDNEY, 'Mo-Fr 09:00-17:00', '2026-10-02T07:00:00.000Z', false, '2026-10-04T22:00:00.000Z'],
  // Santiago changes at midnight. Fall back: Sat 2026-04-04 24:00 -03 -> 23:00 -04 at 03:00Z on Apr 5.
  [SANTIAGO, 'Sa 22:00-23:30', '2026-04-05T01:15:00.000Z', true, '2026-04-05T02:30:00.000Z'],
  [SANTIAGO, 'Sa 22:00-23:30', '2026-04-05T02:30:00.000Z', false, '2026-04-05T03:00:00.000Z'],
  [SANTIAGO, 'Sa 22:00-23:30', '2026-04-05T03:10:00.000Z', true, '2026-04-05T03:30:00.000Z'],
  [SANTIAGO, 'Sa 22:00-23:30', '2026-04-05T03:30:00.000Z', false, '2026-04-12T02:00:00.000Z'],
  [SANTIAGO, 'Sa 20:00-24:00', '2026-04-04T23:00:00.000Z', true, '2026-04-05T04:00:00.000Z'],
  // Spring forward: Sun 2026-09-06 00:00 -04 -> 01:00 -03 at 04:00Z; Sunday starts at 01:00.
  [SANTIAGO, 'Su 00:00-02:00', '2026-09-06T03:59:00.000Z', false, '2026-09-06T04:00:00.000Z'],
  [SANTIAGO, 'Su 00:00-02:00', '2026-09-06T04:00:00.000Z', true, '2026-09-06T05:00:00.000Z'],
  [SANTIAGO, 'Sa 22:00-00:30', '2026-09-06T02:00:00.000Z', true, '2026-09-06T04:00:00.000Z'],
  [SANTIAGO, 'Mo-Fr 09:00-17:00', '2026-09-04T21:00:00.000Z', false, '2026-09-07T12:00:00.000Z'],
  // Lord Howe moves by 30 minutes: 02:00 +10:30 -> 02:30 +11 at 15:30Z on Oct 3.
  ['Australia/Lord_Howe', 'Su 02:00-04:00', '2026-10-03T15:29:00.000Z', false, '2026-10-03T15:30:00.000Z'],
  ['Australia/Lord_Howe', 'Su 02:00-04:00', '2026-10-03T15:30:00.000Z', true, '2026-10-03T17:00:00.000Z'],
];

describe('stateAt across DST changes', () => {
  it.each(rows)('%s %s at %s', (zone, source, instant, open, next) => {
    const state = stateAt(parseHours(source), new Date(instant), zone);
    expect(state.open).toBe(open);
    expect(state.nextChange?.toISOString() ?? null).toBe(next);
  });
});

describe('the tz data this suite relies on (Intl)', () => {
  const local = (zone: string, iso: string): string =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(iso));
  it('Santiago falls back at its midnight', () => {
    expect(local(SANTIAGO, '2026-04-05T02:59:59Z')).toBe('04/04/2026, 23:59:59');
    expect(local(SANTIAGO, '2026-04-05T03:00:00Z')).toBe('04/04/2026, 23:00:00');
  });
  it('Santiago springs forward at its midnight', () => {
    expect(local(SANTIAGO, '2026-09-06T03:59:59Z')).toBe('05/09/2026, 23:59:59');
    expect(local(SANTIAGO, '2026-09-06T04:00:00Z')).toBe('06/09/2026, 01:00:00');
  });
  it('New York springs forward at 02:00', () => expect(local(NY, '2026-03-08T07:00:00Z')).toBe('08/03/2026, 03:00:00'));
});
