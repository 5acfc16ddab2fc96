import { offsetAt } from './zone.js';

const LOCAL = /^(\d{4})-(\d\d)-(\d\d)[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * `2026-12-25T10:00` (no zone) read on the wall clock of `timeZone`, or an ISO instant with `Z` or
 * an offset taken as it is; undefined for anything else, or for a local time without a zone to
 * read it in. A wall time that a DST change repeats reads as its first pass, one it skips as an
 * instant beside the jump.
 */
export function parseInstant(text: string, timeZone: string | undefined): Date | undefined {
  const match = LOCAL.exec(text.trim());
  if (match === null) {
    const instant = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)$/i.test(text.trim()) ? new Date(text.trim()) : undefined;
    return instant === undefined || Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  if (timeZone === undefined) return undefined;
  const [year, month, day, hour, minute, seconds] = match.slice(1).map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour, minute, seconds || 0);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  // The offset at the wall time read as UTC is at most one DST change off; one more look settles it.
  const first = wall - offsetAt(timeZone, wall);
  const settled = wall - offsetAt(timeZone, first);
  return new Date(first + offsetAt(timeZone, first) === wall ? first : settled);
}
