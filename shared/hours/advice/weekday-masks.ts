import { civilDay, dayNumberOf } from '../civil.js';
import type { DateItem, Rule } from '../rules.js';
import { WEEKDAYS } from '../rules.js';

export const ALL_DAYS = 0b1111111;

/** Weekdays a date item can fall on: exact for dated items up to a year long, else every weekday. */
export function possibleWeekdays(item: DateItem): number {
  if (item.kind === 'nth') return 1 << item.weekday;
  const { from, to } = item;
  if (from.year === undefined) return ALL_DAYS;
  const first = dayNumberOf(from.year, from.month, from.day);
  const endYear = to === undefined ? from.year : to.year ?? (to.month * 32 + to.day >= from.month * 32 + from.day ? from.year : from.year + 1);
  const last = to === undefined ? first : dayNumberOf(endYear, to.month, to.day);
  let mask = 0;
  for (let day = first; day <= Math.min(last, first + 6); day++) mask |= 1 << civilDay(day).weekday;
  return mask;
}

export const maskOf = (rule: Rule): number =>
  rule.selector.kind === 'always' ? ALL_DAYS : rule.selector.kind === 'weekdays' ? rule.selector.mask : 0;

/** Weekdays a date rule can fall on (0 for weekly rules). */
export const dateRuleWeekdays = (rule: Rule): number =>
  rule.selector.kind === 'dates' ? rule.selector.items.reduce((mask, item) => mask | possibleWeekdays(item), 0) : 0;

export const dayNames = (mask: number): string => WEEKDAYS.filter((_, i) => (mask & (1 << i)) !== 0).join(',');
