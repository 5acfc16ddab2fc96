import { PivotEdgeError } from '../errors.js';
import { probeOffset } from '../hours/zone.js';

const LOCAL = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?$/;
const DAY_MS = 86_400_000;

/** True for a wall time without a zone, like `2026-12-01T14:00`. */
export const isLocalTime = (text: string): boolean => LOCAL.test(text);

/**
 * The instant a wall time (`2026-12-01T14:00`) names in `timeZone`. Refused with a 400 that says
 * what to send instead: a time that does not exist (skipped by a spring-forward change) and a time
 * that happens twice (fall-back), because guessing would move the switch by an hour.
 */
export function localTimeToInstant(text: string, timeZone: string): Date {
  const wall = wallMs(text);
  // The offsets in force a day either side cover every candidate (no zone changes twice in two days).
  // Straight from Intl, not the hours' cached zone tables: the recordings Worker does not ship those.
  const candidates = [...new Set([probeOffset(timeZone, wall - DAY_MS), probeOffset(timeZone, wall + DAY_MS)])];
  const valid = candidates.filter((offset) => probeOffset(timeZone, wall - offset) === offset);
  const [only] = valid;
  if (valid.length === 1 && only !== undefined) return new Date(wall - only);
  const shown = text.slice(0, 16).replace(' ', 'T');
  if (valid.length === 0) throw new PivotEdgeError('time_does_not_exist', `${shown} does not exist in ${timeZone} (the clocks skip it): choose another time.`, 400);
  const [first, second] = valid.sort((a, b) => b - a).map((offset) => `${shown}${offsetText(offset)}`);
  throw new PivotEdgeError('time_ambiguous', `${shown} happens twice in ${timeZone} (the clocks go back): send ${first} for the first, ${second} for the second.`, 400);
}

function wallMs(text: string): number {
  const iso = text.replace(' ', 'T');
  const wall = Date.parse(`${iso}Z`);
  // Date.parse rolls Feb 30 over into March: only a time that reads back the same exists.
  if (!LOCAL.test(text) || Number.isNaN(wall) || !new Date(wall).toISOString().startsWith(iso)) {
    throw new PivotEdgeError('bad_time', `"${text}" is not a date and time: expected YYYY-MM-DDTHH:MM, like 2026-12-01T14:00.`, 400);
  }
  return wall;
}

function offsetText(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  const pad = (n: number): string => String(Math.floor(n)).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}
