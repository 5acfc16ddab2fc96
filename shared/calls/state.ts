import type { Config } from '../config/types.js';
import type { Schedule } from '../hours/types.js';
import { spokenNextOpen } from '../hours/spoken-time.js';
import { stateAt } from '../hours/state.js';
import { activeOverride, type ActiveOverride } from '../override/effect.js';
import type { HoursOverride } from '../override/types.js';

/**
 * Open or closed now, with the holiday reason and, when closed, the next opening where known;
 * or why it cannot be known (then: fallback, never a guess).
 */
export type BusinessState =
  | {
      readonly known: true;
      readonly open: boolean;
      readonly reason?: string;
      /**
       * When closed, the instant it opens again, where known: for GREETING_CLOSED's {next_open}.
       * Closed by an override: its end if the hours are open then, else their next opening after it.
       */
      readonly nextOpen?: Date;
      /** The owner's override deciding now, and what the hours (and FORCE_STATE) say when it ends. */
      readonly override?: ActiveOverride & { readonly then: BusinessState };
    }
  | { readonly known: false; readonly why: string };

const DECIDING_VARIABLES = new Set(['TIMEZONE', 'BUSINESS_HOURS', 'FORCE_STATE']);

/**
 * The state at `now`. An owner's override (set at run time, ending by itself) wins over
 * FORCE_STATE (set at deploy time) and the hours while it lasts; it decides even when the hours
 * are broken, unless it needs them (`next-change`).
 */
export function businessState(config: Config, now: Date, override?: HoursOverride | null): BusinessState {
  const active = override == null ? undefined : activeOverride(override, config, now);
  if (active === undefined) return scheduledState(config, now);
  const then = scheduledState(config, active.endsAt);
  const open = active.state === 'open';
  const nextOpen = open || !then.known ? undefined : then.open ? active.endsAt : then.nextOpen;
  return { known: true, open, ...(nextOpen === undefined ? {} : { nextOpen }), override: { ...active, then } };
}

/** businessState for a call, with the state, reason and override in the call's decision notes. */
export function callState(call: {
  readonly context: { readonly config: Config };
  readonly now: Date;
  readonly override?: HoursOverride | null;
  readonly note: (key: string, value: string) => void;
}): BusinessState {
  const state = businessState(call.context.config, call.now, call.override);
  if (!state.known) return state;
  call.note('state', state.open ? 'open' : 'closed');
  if (state.reason !== undefined) call.note('reason', state.reason);
  if (state.override !== undefined) call.note('override', state.override.label);
  return state;
}

/** `{next_open}` for a closed state: `Monday at 9 AM`, or '' when unknown (FORCE_STATE=closed, no opening within a year). */
export function spokenReopening(config: Config, state: BusinessState, now: Date): string {
  if (!state.known || state.nextOpen === undefined || config.timeZone === undefined) return '';
  return spokenNextOpen(state.nextOpen, now, config.timeZone, config.language);
}

// Per config, the state of the last minute asked. The state cannot change within a minute (hours and
// zone offsets change on whole minutes), so a busy line evaluates the hours once a minute, not once a call.
const lastMinute = new WeakMap<Config, { readonly minute: number; readonly state: BusinessState }>();
const MINUTE_MS = 60_000;

function scheduledState(config: Config, now: Date): BusinessState {
  const broken = config.problems.filter((problem) => DECIDING_VARIABLES.has(problem.variable));
  if (broken.length > 0) return { known: false, why: broken.map((problem) => problem.message).join('; ') };
  if (config.forceState !== 'auto') return { known: true, open: config.forceState === 'open' };
  if (config.timeZone === undefined || config.hours === undefined) return { known: false, why: 'TIMEZONE or BUSINESS_HOURS missing' };
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  const last = lastMinute.get(config);
  if (last !== undefined && last.minute === minute) return last.state;
  const state = hoursState(config.hours, now, config.timeZone);
  lastMinute.set(config, { minute, state });
  return state;
}

function hoursState(hours: Schedule, now: Date, timeZone: string): BusinessState {
  const state = stateAt(hours, now, timeZone);
  const known = { known: true, open: state.open, ...(state.reason === undefined ? {} : { reason: state.reason }) } as const;
  // Closed, the next change is the next opening (stateAt already found it: nothing extra per call).
  return state.open || state.nextChange === null ? known : { ...known, nextOpen: state.nextChange };
}
