import { describe, expect, it } from 'vitest';
import { parseHours, stateAt } from '../../shared/hours/index.js';

const SCHEDULES = [
  'Mo-Fr 09:00-17:00; Sa 10:00-14:00',
  'Mo-Fr 08:30-12:00,13:00-17:30; Dec 24 09:00-12:00; Dec 25 off',
  'Th-Sa 18:00-02:00; Su 01:00-03:00; Mo 02:30-05:00',
  'Fr 23:00-24:00; Sa 00:00-01:30; Sa off',
];
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe'];
const QUARTER = 15 * 60_000;
// Instants around the 2026 changes of every zone above, where mistakes would show.
const AROUND = ['2026-03-07T00:00Z', '2026-03-28T12:00Z', '2026-04-03T12:00Z', '2026-09-04T12:00Z', '2026-10-02T12:00Z', '2026-10-23T12:00Z', '2026-10-30T12:00Z'];

describe('nextChange agrees with a quarter-hour scan of stateAt', () => {
  it.each(ZONES)('%s', (zone) => {
    for (const source of SCHEDULES) {
      const schedule = parseHours(source);
      for (const start of AROUND) {
        // Walk three days, checking each claimed change against the states around it.
        let at = Date.parse(start);
        const end = at + 3 * 86_400_000;
        while (at < end) {
          const state = stateAt(schedule, new Date(at), zone);
          const next = state.nextChange?.getTime() ?? Infinity;
          for (let probe = at + QUARTER; probe < Math.min(next, end); probe += QUARTER) {
            expect(stateAt(schedule, new Date(probe), zone).open, `${source} ${zone} ${new Date(probe).toISOString()}`).toBe(state.open);
          }
          if (next === Infinity) break;
          expect(stateAt(schedule, new Date(next), zone).open).toBe(!state.open);
          expect(stateAt(schedule, new Date(next - 1), zone).open).toBe(state.open);
          at = next;
        }
      }
    }
  });
});
