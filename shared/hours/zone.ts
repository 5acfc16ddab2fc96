import { PivotEdgeError } from '../errors.js';

/** A change of a zone's UTC offset. */
export interface Transition {
  /** First instant (ms, a whole second) with the new offset. */
  readonly at: number;
  readonly offsetMs: number;
}

/** One UTC day of a zone: its offset at the day's first instant and the changes after it, up to and including the next midnight. */
interface ZoneDay {
  readonly startOffsetMs: number;
  readonly transitions: readonly Transition[];
}

const DAY_MS = 86_400_000;
// Real zones never change twice within 6 h: a sample every 6 h sees every change, bisection pins it to the second.
const SAMPLE_STEP_MS = 6 * 3_600_000;
// Days are worked out only when asked for (a call needs one or a few); a long-lived process keeps at most this many per zone.
const MAX_DAYS_PER_ZONE = 4096;
// `GMT`, `GMT-05:00`, `GMT+10:30`, and local mean time before 1900 such as `GMT-04:56:02`.
const OFFSET = /GMT(?:([+\u2212-])(\d\d):(\d\d)(?::(\d\d))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
const zones = new Map<string, Map<number, ZoneDay>>();

/** A zone whose offsets the host's own clock gives (see `useHostZone`). */
let hostZone: { readonly name: string; readonly offsetAt: (instantMs: number) => number } | undefined;

/**
 * Answers `name`'s offsets with `offsetAt` instead of Intl: a Lambda process serves one zone, and
 * Node's local time set to it gives an offset in microseconds, where the first Intl.DateTimeFormat
 * of a process costs about 12 ms (shared/platform/process-zone.ts).
 */
export function useHostZone(name: string, offsetAt: (instantMs: number) => number): void {
  hostZone = { name, offsetAt };
  zones.delete(name);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      throw new PivotEdgeError('config_invalid', `TIMEZONE: unknown time zone ${JSON.stringify(timeZone)}, expected an IANA zone like "America/New_York"`, 400, { variable: 'TIMEZONE', found: timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset (ms) at an instant, straight from Intl or the host (the slow way: offsetAt caches). */
export function probeOffset(timeZone: string, instantMs: number): number {
  const second = Math.floor(instantMs / 1000) * 1000;
  if (timeZone === 'UTC') return 0;
  if (hostZone?.name === timeZone) return hostZone.offsetAt(second);
  const match = OFFSET.exec(formatterFor(timeZone).format(second));
  if (match?.[1] === undefined) return 0;
  const [, sign, hours, minutes, seconds = '0'] = match;
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === '+' ? ms : -ms;
}

function buildDay(timeZone: string, day: number): ZoneDay {
  const start = day * DAY_MS;
  const startOffsetMs = probeOffset(timeZone, start);
  const transitions: Transition[] = [];
  let previous = startOffsetMs;
  for (let sample = start; sample < start + DAY_MS; sample += SAMPLE_STEP_MS) {
    const next = sample + SAMPLE_STEP_MS;
    const offset = probeOffset(timeZone, next);
    if (offset === previous) continue;
    let low = sample;
    let high = next;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (probeOffset(timeZone, middle) === previous) low = middle;
      else high = middle;
    }
    transitions.push({ at: high, offsetMs: offset });
    previous = offset;
  }
  return { startOffsetMs, transitions };
}

function zoneDay(timeZone: string, day: number): ZoneDay {
  let days = zones.get(timeZone);
  if (days === undefined) zones.set(timeZone, (days = new Map()));
  let entry = days.get(day);
  if (entry === undefined) {
    if (days.size >= MAX_DAYS_PER_ZONE) days.clear();
    entry = buildDay(timeZone, day);
    days.set(day, entry);
  }
  return entry;
}

/** The zone's UTC offset (ms) at an instant. */
export function offsetAt(timeZone: string, instantMs: number): number {
  const { startOffsetMs, transitions } = zoneDay(timeZone, Math.floor(instantMs / DAY_MS));
  let offset = startOffsetMs;
  for (const transition of transitions) {
    if (transition.at > instantMs) break;
    offset = transition.offsetMs;
  }
  return offset;
}

/**
 * The first offset change after `afterMs` and at or before `untilMs`, or undefined. Only the days
 * in between are worked out, so say how far ahead the answer matters.
 */
export function nextTransitionAfter(timeZone: string, afterMs: number, untilMs: number): Transition | undefined {
  for (let day = Math.floor(afterMs / DAY_MS); day * DAY_MS < untilMs; day++) {
    for (const transition of zoneDay(timeZone, day).transitions) {
      if (transition.at > untilMs) return undefined;
      if (transition.at > afterMs) return transition;
    }
  }
  return undefined;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `Tue 24 Dec, 16:32`: an instant's wall time in `timeZone` as an owner reads it (British order, 24-hour clock). */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(timeZone, format);
  }
  // From the parts, not the locale's pattern, which may change between ICU versions.
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = value;
  return `${part.weekday} ${part.day} ${part.month}, ${part.hour}:${part.minute}`;
}
