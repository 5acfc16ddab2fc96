import type { CivilDay } from './civil.js';
import type { DateItem, MonthDay, Rule, Selector } from './rules.js';

// Orders dates within a year; 32 leaves room for every day of a month.
const ordinal = (month: number, day: number): number => month * 32 + day;
const absolute = (year: number, month: number, day: number): number => year * 512 + ordinal(month, day);

function matchesDateRange(from: MonthDay, to: MonthDay | undefined, date: CivilDay): boolean {
  const today = ordinal(date.month, date.day);
  if (to === undefined) {
    return (from.year === undefined || from.year === date.year) && today === ordinal(from.month, from.day);
  }
  const start = ordinal(from.month, from.day);
  const end = ordinal(to.month, to.day);
  if (from.year === undefined) {
    // Every year; a range whose end comes first in the year wraps over New Year (Dec 20-Jan 05).
    return start <= end ? today >= start && today <= end : today >= start || today <= end;
  }
  const endYear = to.year ?? (end >= start ? from.year : from.year + 1);
  const now = absolute(date.year, date.month, date.day);
  return now >= absolute(from.year, from.month, from.day) && now <= absolute(endYear, to.month, to.day);
}

function matchesNth(item: Extract<DateItem, { kind: 'nth' }>, date: CivilDay): boolean {
  if (item.month !== date.month || item.weekday !== date.weekday) return false;
  if (item.year !== undefined && item.year !== date.year) return false;
  const fromStart = Math.floor((date.day - 1) / 7) + 1;
  const fromEnd = Math.floor((date.daysInMonth - date.day) / 7) + 1;
  return item.nth > 0 ? item.nth === fromStart : -item.nth === fromEnd;
}

export function selectorMatches(selector: Selector, date: CivilDay): boolean {
  switch (selector.kind) {
    case 'always':
      return true;
    case 'weekdays':
      return (selector.mask & (1 << date.weekday)) !== 0;
    case 'dates':
      return selector.items.some((item) => (item.kind === 'nth' ? matchesNth(item, date) : matchesDateRange(item.from, item.to, date)));
  }
}

/** The rule that decides a day: the last one naming it (later rules replace earlier ones), or undefined. */
export function decidingRule(rules: readonly Rule[], date: CivilDay): Rule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule !== undefined && selectorMatches(rule.selector, date)) return rule;
  }
  return undefined;
}
