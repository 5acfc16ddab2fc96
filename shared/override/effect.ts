import type { Config } from '../config/types.js';
import { stateAt } from '../hours/state.js';
import { formatLocalDateTime, offsetAt } from '../hours/zone.js';
import { fixedEnd, nextChangeName } from './stored.js';
import { OVERRIDE_MAX_DAYS, type HoursOverride } from './types.js';

/** An override in force at one instant. */
export interface ActiveOverride {
  readonly state: 'open' | 'closed';
  /** When it stops deciding (the schedule and FORCE_STATE take over again). */
  readonly endsAt: Date;
  /** For the log's decision field: `closed until 14:00`, `closed until Tue 1 Dec, 09:00 (next opening)`. */
  readonly label: string;
}

// Server clocks differ by milliseconds; a call simulated (X-Simulate-At) before the switch was set does not see it.
const CLOCK_SKEW_MS = 60_000;
const MAX_MS = OVERRIDE_MAX_DAYS * 86_400_000;
const DAY_MS = 86_400_000;

/** What the override needs of the config (the hours script builds it without a full Config). */
export type HoursConfig = Pick<Config, 'hours' | 'timeZone' | 'problems'>;

/** An override's end and its words, worked out once per stored override and config (not per call). */
interface Resolved {
  readonly endsAt: Date;
  /** `Tue 1 Dec, 09:00`, and `09:00` for a call on the same local day. */
  readonly full: string;
  readonly time: string;
  readonly localDay: number;
}
const resolved = new WeakMap<HoursOverride, WeakMap<HoursConfig, Resolved | null>>();

function resolve(override: HoursOverride, config: HoursConfig): Resolved | null {
  let byConfig = resolved.get(override);
  if (byConfig === undefined) resolved.set(override, (byConfig = new WeakMap()));
  let entry = byConfig.get(config);
  if (entry === undefined) {
    const endsAt = computeEnd(override, config);
    const { timeZone } = config;
    const full = endsAt === null || timeZone === undefined ? endsAt?.toISOString() ?? '' : formatLocalDateTime(endsAt, timeZone);
    entry = endsAt === null ? null : { endsAt, full, time: full.split(', ')[1] ?? full, localDay: timeZone === undefined ? NaN : localDay(endsAt, timeZone) };
    byConfig.set(config, entry);
  }
  return entry;
}

/**
 * When `override` ends: its `until`, or for `next-change` the schedule's next turn to the other
 * state after `setAt` (the next opening for a closed switch, the next closing for an open one);
 * never later than OVERRIDE_MAX_DAYS after `setAt`. Null when `next-change` meets no valid schedule.
 */
export function overrideEnd(override: HoursOverride, config: HoursConfig): Date | null {
  return resolve(override, config)?.endsAt ?? null;
}

function computeEnd(override: HoursOverride, config: HoursConfig): Date | null {
  const fixed = fixedEnd(override);
  if (fixed !== undefined) return fixed;
  const setAt = Date.parse(override.setAt);
  const latest = setAt + MAX_MS;
  const { hours, timeZone } = config;
  if (hours === undefined || timeZone === undefined || config.problems.some((problem) => problem.variable === 'TIMEZONE' || problem.variable === 'BUSINESS_HOURS')) return null;
  const endsWhenOpen = override.state === 'closed';
  let state = stateAt(hours, new Date(setAt), timeZone);
  // Already in the state that ends it (closed switch set while open): skip to the next stretch of it.
  if (state.open === endsWhenOpen && state.nextChange !== null) state = stateAt(hours, state.nextChange, timeZone);
  const flip = state.open === endsWhenOpen ? null : state.nextChange;
  return new Date(Math.min(flip?.getTime() ?? latest, latest));
}

const localDay = (instant: Date, timeZone: string): number => Math.floor((instant.getTime() + offsetAt(timeZone, instant.getTime())) / DAY_MS);

/** The override deciding at `now`, if any: set (give or take clock skew) and not yet ended. */
export function activeOverride(override: HoursOverride, config: HoursConfig, now: Date): ActiveOverride | undefined {
  const entry = resolve(override, config);
  const at = now.getTime();
  if (entry === null || at >= entry.endsAt.getTime() || at < Date.parse(override.setAt) - CLOCK_SKEW_MS) return undefined;
  const when = config.timeZone !== undefined && localDay(now, config.timeZone) === entry.localDay ? entry.time : entry.full;
  const which = nextChangeName(override);
  return { state: override.state, endsAt: entry.endsAt, label: `${override.state} until ${when}${which === undefined ? '' : ` (${which})`}` };
}
