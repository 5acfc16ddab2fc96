import type { Config } from '../config/types.js';
import { stateAt } from '../hours/index.js';
import { formatLocalShort } from './local-time.js';
import { fixedEnd, nextChangeName } from './stored.js';
import { NEXT_CHANGE, OVERRIDE_MAX_DAYS, type HoursOverride } from './types.js';

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
const ends = new WeakMap<HoursOverride, WeakMap<HoursConfig, Date | null>>();

/** What the override needs of the config (the hours script builds it without a full Config). */
export type HoursConfig = Pick<Config, 'hours' | 'timeZone' | 'problems'>;

/**
 * When `override` ends: its `until`, or for `next-change` the schedule's next turn to the other
 * state after `setAt` (the next opening for a closed switch, the next closing for an open one);
 * never later than OVERRIDE_MAX_DAYS after `setAt`. Null when `next-change` meets no valid schedule.
 */
export function overrideEnd(override: HoursOverride, config: HoursConfig): Date | null {
  let byConfig = ends.get(override);
  if (byConfig === undefined) ends.set(override, (byConfig = new WeakMap()));
  let end = byConfig.get(config);
  if (end === undefined) byConfig.set(config, (end = computeEnd(override, config)));
  return end;
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

/** The override deciding at `now`, if any: set (give or take clock skew) and not yet ended. */
export function activeOverride(override: HoursOverride, config: HoursConfig, now: Date): ActiveOverride | undefined {
  const endsAt = overrideEnd(override, config);
  const at = now.getTime();
  if (endsAt === null || at >= endsAt.getTime() || at < Date.parse(override.setAt) - CLOCK_SKEW_MS) return undefined;
  const when = config.timeZone === undefined ? endsAt.toISOString() : formatLocalShort(endsAt, now, config.timeZone);
  const which = nextChangeName(override);
  return { state: override.state, endsAt, label: `${override.state} until ${when}${which === undefined ? '' : ` (${which})`}` };
}
