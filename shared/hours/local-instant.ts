import { nextTransitionAfter, offsetAt } from './zone.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `2026-12-25T10:00` (no zone) read on the wall clock of `timeZone`, or an ISO instant with `Z` or
 * an offset taken as it is; undefined for anything else (or a local time without a zone to read it in).
 * A wall time skipped by a DST change reads as the instant the clock jumps past it; a repeated one
 * as its first pass.
 */
export function parseInstant(text: string, timeZone: string | undefined): Date | undefined {
  const trimmed = text.trim();
  if (ZONED.test(trimmed)) {
    const instant = new Date(trimmed);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const match = LOCAL.exec(trimmed);
  if (match === null || timeZone === undefined) return undefined;
  const [year, month, day, hour, minute, seconds] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, seconds);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || seconds > 59) return undefined;
  // The offset at the wall time read as UTC is at most one DST change off; one more look settles it.
  const first = wall - offsetAt(timeZone, wall);
  const settled = wall - offsetAt(timeZone, first);
  if (settled + offsetAt(timeZone, settled) === wall) return new Date(settled);
  if (first + offsetAt(timeZone, first) === wall) return new Date(first);
  // Inside a spring-forward gap: no instant shows this wall time, so the jump itself stands for it.
  return new Date(nextTransitionAfter(timeZone, Math.min(first, settled))?.at ?? first);
}
