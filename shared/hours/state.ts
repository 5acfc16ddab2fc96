import { PivotEdgeError } from '../errors.js';
import { MS_PER_DAY } from './civil.js';
import { rulesOf } from './schedule-rules.js';
import type { HoursState, Schedule } from './types.js';
import { WallClock } from './wall-clock.js';
import { nextTransitionAfter, offsetAt } from './zone.js';

const HORIZON_MS = 366 * MS_PER_DAY;

/**
 * Walks forward one stretch of constant UTC offset at a time: inside a stretch the wall clock runs
 * evenly, so a flip is a range boundary; at a DST change the wall clock jumps and the state may flip
 * right there (e.g. opening at 02:30 on a spring-forward night happens at 03:00). The flip is found
 * first as if the offset held, so the zone is only asked about the days up to it.
 */
function nextChange(clock: WallClock, timeZone: string, instantMs: number, open: boolean): Date | null {
  const limit = instantMs + HORIZON_MS;
  let cursor = instantMs;
  for (;;) {
    const offset = offsetAt(timeZone, cursor);
    const flipWall = clock.nextFlip(cursor + offset, open, limit + offset);
    // A change at the flip itself comes first: the jump may carry the clock past (or short of) it.
    const transition = nextTransitionAfter(timeZone, cursor, flipWall === undefined ? limit - 1 : flipWall - offset);
    if (transition === undefined) return flipWall === undefined ? null : new Date(flipWall - offset);
    cursor = transition.at;
    if (clock.stateAt(cursor + transition.offsetMs).open !== open) return new Date(cursor);
  }
}

/**
 * Whether the schedule is open at `instant`, evaluated on the wall clock of the IANA `timeZone`,
 * with the deciding rule, its reason, and the next instant the state flips (within 366 days).
 * Throws PivotEdgeError (`config_invalid`) for an unknown zone, (`invalid_instant`) for an invalid Date.
 */
export function stateAt(schedule: Schedule, instant: Date, timeZone: string): HoursState {
  const instantMs = instant.getTime();
  if (!Number.isFinite(instantMs)) throw new PivotEdgeError('invalid_instant', 'stateAt: the instant is an invalid Date', 400);
  const clock = new WallClock(rulesOf(schedule));
  const { open, rule } = clock.stateAt(instantMs + offsetAt(timeZone, instantMs));
  const state = { open, rule: rule?.canonical ?? '', nextChange: nextChange(clock, timeZone, instantMs, open) };
  return rule?.reason === undefined ? state : { ...state, reason: rule.reason };
}
