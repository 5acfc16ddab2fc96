import { formatInTimeZone } from 'date-fns-tz';
import { MS_PER_DAY } from './civil.js';
import { formatLocal } from './local-time.js';
import { formatSpan } from './parse-times.js';
import type { Rule } from './rules.js';
import { rulesOf } from './schedule-rules.js';
import { describeState } from './summary.js';
import { stateAt } from './state.js';
import type { Schedule } from './types.js';
import { WallClock } from './wall-clock.js';
import { nextTransitionAfter, offsetAt } from './zone.js';

/** Day number -> "clocks change: EST -> EDT", for the days of the table. */
function clockChanges(timeZone: string, fromMs: number, toMs: number): Map<number, string> {
  const notes = new Map<number, string>();
  for (let transition = nextTransitionAfter(timeZone, fromMs, toMs - 1); transition !== undefined; transition = nextTransitionAfter(timeZone, transition.at, toMs - 1)) {
    // The wall time just after a change names its day (Santiago changes at 24:00, not 02:00).
    const day = Math.floor((transition.at + transition.offsetMs) / MS_PER_DAY);
    const wallBeforeMs = transition.at + offsetAt(timeZone, transition.at - 1);
    // Santiago falls back at midnight: the clock reaches 24:00 of the day it then repeats an hour of.
    const wallBefore = Math.floor(wallBeforeMs / MS_PER_DAY) > day ? '24:00' : formatInTimeZone(new Date(wallBeforeMs), 'UTC', 'HH:mm');
    const zoneBefore = formatInTimeZone(new Date(transition.at - 1), timeZone, 'zzz');
    const after = formatInTimeZone(new Date(transition.at), timeZone, 'HH:mm zzz');
    notes.set(day, `clocks change: ${wallBefore} ${zoneBefore} -> ${after}`);
  }
  return notes;
}

function dayLine(dayNumber: number, rule: Rule | undefined, clockNote: string | undefined): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const label = formatInTimeZone(date, 'UTC', 'EEE yyyy-MM-dd');
  const hours = rule === undefined || rule.spans.length === 0 ? 'closed' : rule.spans.map(formatSpan).join(',');
  const notes: string[] = [];
  if (rule?.selector.kind === 'dates') notes.push(`* ${rule.reason ?? 'special date'}`);
  else if (rule?.reason !== undefined) notes.push(rule.reason);
  if (clockNote !== undefined) notes.push(clockNote);
  return `  ${label}  ${notes.length === 0 ? hours : `${hours.padEnd(24)}${notes.join('; ')}`}`.trimEnd();
}

/**
 * The explainer: canonical form, warnings, state now with reason, next change in local time,
 * and the next `days` days with their open ranges (local time; `*` marks date rules).
 */
export function explainHours(schedule: Schedule, timeZone: string, now: Date, days = 14): string {
  const state = stateAt(schedule, now, timeZone);
  const lines = [`Hours: ${schedule.canonical}`, `Zone:  ${timeZone}`];
  for (const warning of schedule.warnings) lines.push(`Warning: ${warning}`);
  lines.push(`Now:   ${formatLocal(now, timeZone)}: ${describeState(state, now, timeZone)}`);
  lines.push(`Rule:  ${state.rule === '' ? 'none names today, so closed' : state.rule}`);
  lines.push(`Next change: ${state.nextChange === null ? 'none within a year' : formatLocal(state.nextChange, timeZone)}`);
  const clock = new WallClock(rulesOf(schedule));
  const today = Math.floor((now.getTime() + offsetAt(timeZone, now.getTime())) / MS_PER_DAY);
  const changes = clockChanges(timeZone, now.getTime() - MS_PER_DAY, now.getTime() + (days + 1) * MS_PER_DAY);
  lines.push('', `Next ${days} days (local time; * = date rule):`);
  for (let day = today; day < today + days; day++) lines.push(dayLine(day, clock.ruleForDay(day), changes.get(day)));
  return lines.join('\n');
}
