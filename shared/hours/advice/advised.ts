import { ruleRepairHint } from './hints.js';
import { parseHoursWith, type HoursAdvisor } from '../parse.js';
import type { Schedule } from '../types.js';
import { findWarnings } from './warnings.js';

/** Warnings and whole-rule hints, for what owners read (check-config, `npm run hours`, start-up). */
export const hoursAdvisor: HoursAdvisor = { warnings: findWarnings, repairHint: ruleRepairHint };

/**
 * Parses a BUSINESS_HOURS value with everything the owner should be told: `warnings` for rules
 * that parse but are probably not meant, and whole-rule hints on errors ("Mon-Fri 9-5" gets
 * `write "Mo-Fr 09:00-17:00"`). Throws PivotEdgeError `hours_syntax` like `parseHoursWith`.
 */
export function parseHours(source: string): Schedule {
  return parseHoursWith(source, hoursAdvisor);
}
