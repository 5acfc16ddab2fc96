import type { HoursState, Schedule } from './types.js';
import { formatChangeTime, formatDuration } from './local-time.js';
import { stateAt } from './state.js';

/** `open now, closes 17:00 (in 3 h 12 min)`: the state and next change in words. */
export function describeState(state: HoursState, now: Date, timeZone: string): string {
  const reason = state.reason === undefined ? '' : ` ("${state.reason}")`;
  const status = `${state.open ? 'open' : 'closed'} now${reason}`;
  if (state.nextChange === null) return `${status}, ${state.open ? 'no closing' : 'no opening'} within a year`;
  const when = formatChangeTime(state.nextChange, now, timeZone);
  const wait = formatDuration(state.nextChange.getTime() - now.getTime());
  return `${status}, ${state.open ? 'closes' : 'opens'} ${when} (in ${wait})`;
}

/**
 * One line for a start-up log:
 * `America/New_York, Mo-Fr 09:00-17:00: open now, closes 17:00 (in 3 h 12 min)`.
 */
export function summarizeHours(schedule: Schedule, timeZone: string, now: Date): string {
  return `${timeZone}, ${schedule.canonical}: ${describeState(stateAt(schedule, now, timeZone), now, timeZone)}`;
}
