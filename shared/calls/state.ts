import type { Config } from '../config/types.js';
import { spokenNextOpen, stateAt } from '../hours/index.js';

/**
 * Open or closed now, with the holiday reason and, when closed by the hours, the next opening;
 * or why it cannot be known (then: fallback, never a guess).
 */
export type BusinessState =
  | { readonly known: true; readonly open: boolean; readonly reason?: string; readonly nextOpen?: Date }
  | { readonly known: false; readonly why: string };

const DECIDING_VARIABLES = new Set(['TIMEZONE', 'BUSINESS_HOURS', 'FORCE_STATE']);

export function businessState(config: Config, now: Date): BusinessState {
  const broken = config.problems.filter((problem) => DECIDING_VARIABLES.has(problem.variable));
  if (broken.length > 0) return { known: false, why: broken.map((problem) => problem.message).join('; ') };
  if (config.forceState !== 'auto') return { known: true, open: config.forceState === 'open' };
  if (config.timeZone === undefined || config.hours === undefined) return { known: false, why: 'TIMEZONE or BUSINESS_HOURS missing' };
  const state = stateAt(config.hours, now, config.timeZone);
  const known = { known: true, open: state.open, ...(state.reason === undefined ? {} : { reason: state.reason }) } as const;
  // Closed, the next change is the next opening (stateAt already found it: nothing extra per call).
  return state.open || state.nextChange === null ? known : { ...known, nextOpen: state.nextChange };
}

/** `{next_open}` for a closed state: `Monday at 9 AM`, or '' when unknown (FORCE_STATE=closed, no opening within a year). */
export function spokenReopening(config: Config, state: BusinessState, now: Date): string {
  if (!state.known || state.nextOpen === undefined || config.timeZone === undefined) return '';
  return spokenNextOpen(state.nextOpen, now, config.timeZone, config.language);
}
