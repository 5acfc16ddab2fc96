import { civilDay, MS_PER_DAY, MS_PER_MINUTE } from './civil.js';
import { stateAt } from './state.js';
import type { Schedule } from './types.js';
import { offsetAt } from './zone.js';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The first instant at or after `from` when the schedule is open, holidays included (`from`
 * itself when open then); null when it stays closed for a year. Compose it with an override:
 * "closed until 14:00" reopens at `nextOpening(schedule, zone, fourteenHundred)`.
 */
export function nextOpening(schedule: Schedule, timeZone: string, from: Date): Date | null {
  const state = stateAt(schedule, from, timeZone);
  return state.open ? from : state.nextChange;
}

/** `8 AM`, `8:30 AM`, `1 PM`, `noon`. */
function spokenClock(minute: number): string {
  if (minute === 720) return 'noon';
  const hour = Math.floor(minute / 60);
  const rest = minute % 60;
  return `${hour % 12 === 0 ? 12 : hour % 12}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * When `opening` is, said from `now` in the zone's local time, for "We reopen {next_open}.":
 * `today at 1 PM`, `tomorrow at 8:30 AM`, `Monday at noon` (2 to 6 days ahead), `on January 2 at
 * 8 AM` (a week or more). Midnight is said as the end of the day before: `tonight at midnight`,
 * `Friday at midnight`. English only: '' for other languages, for no opening, or for an opening
 * not after `now`, so the sentence saying it can be left out.
 */
export function spokenNextOpen(opening: Date | null, now: Date, timeZone: string, language: string): string {
  if (opening === null || opening.getTime() <= now.getTime() || !language.startsWith('en')) return '';
  const wall = opening.getTime() + offsetAt(timeZone, opening.getTime());
  const today = Math.floor((now.getTime() + offsetAt(timeZone, now.getTime())) / MS_PER_DAY);
  const openingDay = Math.floor(wall / MS_PER_DAY);
  const minute = Math.floor((wall - openingDay * MS_PER_DAY) / MS_PER_MINUTE);
  const atMidnight = minute === 0;
  const day = atMidnight ? openingDay - 1 : openingDay;
  const time = atMidnight ? 'midnight' : spokenClock(minute);
  const ahead = day - today;
  const date = civilDay(day);
  const when =
    ahead <= 0 ? (atMidnight ? 'tonight' : 'today')
    : ahead === 1 ? 'tomorrow'
    : ahead <= 6 ? WEEKDAY_NAMES[date.weekday]
    : `on ${MONTH_NAMES[date.month]} ${date.day}`;
  return `${when} at ${time}`;
}
