import { PivotEdgeError } from '../errors.js';

interface Transition {
  /** First instant (ms) with the new offset. */
  readonly at: number;
  readonly offsetMs: number;
}

/** One UTC year of a zone: its offset at the start and every change within it. */
interface ZoneYear {
  readonly initialOffsetMs: number;
  readonly transitions: readonly Transition[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const years = new Map<string, ZoneYear>();
const SAMPLE_STEP_MS = 6 * 3_600_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new PivotEdgeError('config_invalid', `TIMEZONE: unknown time zone ${JSON.stringify(timeZone)}, expected an IANA zone like "America/New_York"`, 400, { variable: 'TIMEZONE', found: timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset at an instant, straight from Intl (slow; cached per year below). */
export function probeOffset(timeZone: string, instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) fields[part.type] = Number(part.value);
  const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return wall - wholeSecond;
}

function buildYear(timeZone: string, year: number): ZoneYear {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const initialOffsetMs = probeOffset(timeZone, start);
  const transitions: Transition[] = [];
  let previous = initialOffsetMs;
  // Sample every 6 h, then bisect each change to the second. Real zones never change twice within 6 h.
  for (let sample = start; sample < end; sample += SAMPLE_STEP_MS) {
    const next = Math.min(sample + SAMPLE_STEP_MS, end);
    const offset = probeOffset(timeZone, next);
    if (offset === previous) continue;
    let low = sample;
    let high = next;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (probeOffset(timeZone, middle) === previous) low = middle;
      else high = middle;
    }
    if (high < end) transitions.push({ at: high, offsetMs: offset });
    previous = offset;
  }
  return { initialOffsetMs, transitions };
}

function zoneYear(timeZone: string, year: number): ZoneYear {
  const key = `${timeZone}|${year}`;
  let entry = years.get(key);
  if (entry === undefined) {
    entry = buildYear(timeZone, year);
    years.set(key, entry);
  }
  return entry;
}

/** The zone's UTC offset (ms) at an instant. */
export function offsetAt(timeZone: string, instantMs: number): number {
  const year = zoneYear(timeZone, new Date(instantMs).getUTCFullYear());
  let offset = year.initialOffsetMs;
  for (const transition of year.transitions) {
    if (transition.at > instantMs) break;
    offset = transition.offsetMs;
  }
  return offset;
}

/** The first offset change strictly after an instant, looking at most into the next UTC year. */
export function nextTransitionAfter(timeZone: string, instantMs: number): Transition | undefined {
  const firstYear = new Date(instantMs).getUTCFullYear();
  for (let year = firstYear; year <= firstYear + 1; year++) {
    const found = zoneYear(timeZone, year).transitions.find((transition) => transition.at > instantMs);
    if (found !== undefined) return found;
  }
  return undefined;
}
