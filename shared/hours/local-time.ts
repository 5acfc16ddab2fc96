import { formatInTimeZone } from 'date-fns-tz';

/** `Thu 2026-12-24 17:00 EST`: the wall time and zone abbreviation at an instant. */
export const formatLocal = (instant: Date, timeZone: string): string =>
  formatInTimeZone(instant, timeZone, 'EEE yyyy-MM-dd HH:mm zzz');

/** The local time of a change, as short as stays unambiguous seen from `now`. */
export function formatChangeTime(change: Date, now: Date, timeZone: string): string {
  const sameDay = formatInTimeZone(change, timeZone, 'yyyy-MM-dd') === formatInTimeZone(now, timeZone, 'yyyy-MM-dd');
  if (sameDay) return formatInTimeZone(change, timeZone, 'HH:mm');
  const withinAWeek = change.getTime() - now.getTime() < 6 * 86_400_000;
  return formatInTimeZone(change, timeZone, withinAWeek ? 'EEE HH:mm' : 'EEE yyyy-MM-dd HH:mm');
}

/** `3 h 12 min`, `2 d 4 h`, `under 1 min` (rounded down: never promises more time than there is). */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return 'under 1 min';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
