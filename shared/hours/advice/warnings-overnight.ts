import { daysInMonth } from '../civil.js';
import { formatSelector } from '../canonical.js';
import type { MonthDay, Rule } from '../rules.js';
import { WEEKDAYS } from '../rules.js';
import { dateRuleWeekdays, dayNames, maskOf } from './weekday-masks.js';

const runsPastMidnight = (rule: Rule): boolean => rule.spans.some((span) => span.end > 1440);
const keyOf = (date: MonthDay): string => `${date.year ?? ''}-${date.month}-${date.day}`;
const STILL_APPLIES = 'the part after midnight still applies';

function dayAfter({ year, month, day }: MonthDay): MonthDay {
  const next = day < daysInMonth(year ?? 2001, month) ? { month, day: day + 1 } : { month: (month + 1) % 12, day: 1 };
  const nextYear = year === undefined ? undefined : next.month < month ? year + 1 : year;
  return nextYear === undefined ? next : { ...next, year: nextYear };
}

function quotedList(rules: readonly Rule[]): string {
  const named = rules.slice(0, 3).map((rule) => `"${rule.canonical}"`).join(', ');
  return rules.length > 3 ? `${named} and ${rules.length - 3} more` : named;
}

/**
 * Ranges past midnight whose part after midnight lands on a day that is off (`Fr 18:00-02:00;
 * Sa off`, `18:00-02:00; Sa off`, `Fr 18:00-02:00; Dec 26 off`, `Dec 31 20:00-02:00; Jan 01 off`),
 * keyed by the index of the overnight rule. At most 7 weekly rules decide a weekday, so this
 * stays linear in the number of rules.
 */
export function overnightWarnings(rules: readonly Rule[]): Map<number, string[]> {
  const warnings = new Map<number, string[]>();
  const add = (index: number, warning: string): void => void warnings.set(index, [...(warnings.get(index) ?? []), warning]);
  const decider: number[] = [-1, -1, -1, -1, -1, -1, -1];
  const offDates: Rule[] = [];
  const offDays = new Map<string, Rule>();
  rules.forEach((rule, index) => {
    for (let day = 0; day < 7; day++) if ((maskOf(rule) & (1 << day)) !== 0) decider[day] = index;
    if (rule.selector.kind !== 'dates' || rule.spans.length > 0) return;
    offDates.push(rule);
    for (const item of rule.selector.items) if (item.kind === 'date' && item.to === undefined && !offDays.has(keyOf(item.from))) offDays.set(keyOf(item.from), rule);
  });
  for (const index of new Set(decider)) {
    const rule = rules[index];
    if (rule === undefined || !runsPastMidnight(rule)) continue;
    let nights = 0;
    for (let day = 0; day < 7; day++) {
      if (decider[day] !== index) continue;
      const next = (day + 1) % 7;
      nights |= 1 << next;
      if (rules[decider[next] ?? -1]?.spans.length === 0) add(index, `"${rule.canonical}" runs past midnight into ${WEEKDAYS[next]}, which is off; ${STILL_APPLIES} (it belongs to ${WEEKDAYS[day]})`);
    }
    const hit = offDates.filter((date) => (dateRuleWeekdays(date) & nights) !== 0);
    if (hit.length === 0) continue;
    const days = hit.reduce((mask, date) => mask | dateRuleWeekdays(date), 0) & nights;
    const those = hit.length === 1 ? 'that date falls' : 'those dates fall';
    add(index, `"${rule.canonical}" runs past midnight into ${quotedList(hit)} when ${those} on ${dayNames(days)}; ${STILL_APPLIES} (it belongs to the day before)`);
  }
  rules.forEach((rule, index) => {
    if (rule.selector.kind !== 'dates' || !runsPastMidnight(rule)) return;
    for (const item of rule.selector.items) {
      if (item.kind !== 'date' || item.to !== undefined) continue;
      const next = dayAfter(item.from);
      const off = offDays.get(keyOf(next)) ?? offDays.get(keyOf({ month: next.month, day: next.day }));
      if (off !== undefined) add(index, `"${rule.canonical}" runs past midnight into "${off.canonical}"; ${STILL_APPLIES} (it belongs to ${formatSelector({ kind: 'dates', items: [item] })})`);
    }
  });
  return warnings;
}
