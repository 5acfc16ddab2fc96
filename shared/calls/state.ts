import type { Config } from '../config/types.js';
import { stateAt } from '../hours/index.js';

/** Open or closed now, with the holiday reason; or why it cannot be known (then: fallback, never a guess). */
export type BusinessState =
  | { readonly known: true; readonly open: boolean; readonly reason?: string }
  | { readonly known: false; readonly why: string };

const DECIDING_VARIABLES = new Set(['TIMEZONE', 'BUSINESS_HOURS', 'FORCE_STATE']);

export function businessState(config: Config, now: Date): BusinessState {
  const broken = config.problems.filter((problem) => DECIDING_VARIABLES.has(problem.variable));
  if (broken.length > 0) return { known: false, why: broken.map((problem) => problem.message).join('; ') };
  if (config.forceState !== 'auto') return { known: true, open: config.forceState === 'open' };
  if (config.timeZone === undefined || config.hours === undefined) return { known: false, why: 'TIMEZONE or BUSINESS_HOURS missing' };
  const state = stateAt(config.hours, now, config.timeZone);
  return state.reason === undefined ? { known: true, open: state.open } : { known: true, open: state.open, reason: state.reason };
}
