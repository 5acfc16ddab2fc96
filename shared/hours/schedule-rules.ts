import { parseHoursWith } from './parse.js';
import type { Rule } from './rules.js';
import type { Schedule } from './types.js';

const compiled = new WeakMap<Schedule, readonly Rule[]>();

const looksLikeRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && 'selector' in value && 'spans' in value && 'canonical' in value;

/**
 * The typed rules of a schedule. `Schedule.rules` is `unknown[]` in the shared contract; a
 * schedule whose rules are not ours (built by hand) is re-parsed from its canonical text.
 */
export function rulesOf(schedule: Schedule): readonly Rule[] {
  const known = compiled.get(schedule);
  if (known !== undefined) return known;
  const rules = schedule.rules.length > 0 && schedule.rules.every(looksLikeRule) ? schedule.rules : (parseHoursWith(schedule.canonical).rules as readonly Rule[]);
  compiled.set(schedule, rules);
  return rules;
}
