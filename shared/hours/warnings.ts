import { civilDay, dayNumberOf } from './civil.js';
import { formatSpan } from './parse-times.js';
import type { DateItem, Rule } from './rules.js';
import { WEEKDAYS } from './rules.js';

const ALL_DAYS = 0b1111111;

/** Weekdays a date item can fall on: exact for dated items up to a year long, else every weekday. */
function possibleWeekdays(item: DateItem): number {
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

const maskOf = (rule: Rule): number =>
  rule.selector.kind === 'always' ? ALL_DAYS : rule.selector.kind === 'weekdays' ? rule.selector.mask : 0;

function lastNaming(rules: readonly Rule[], day: number): Rule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule !== undefined && (maskOf(rule) & (1 << day)) !== 0) return rule;
  }
  return undefined;
}

const dayNames = (mask: number): string => WEEKDAYS.filter((_, i) => (mask & (1 << i)) !== 0).join(',');

const overlaps = (a: Rule, b: Rule): boolean =>
  a.spans.some((x) => b.spans.some((y) => x.start < y.end && y.start < x.end));

/** `Mo-Fr 09:00-17:00; Fr 18:00-02:00` drops Friday's day hours; owners often mean to add. */
function replacesWithoutOverlap(earlier: Rule, later: Rule): string[] {
  const shared = maskOf(earlier) & maskOf(later);
  if (shared === 0 || later.selector.kind !== 'weekdays' || later.spans.length === 0 || overlaps(earlier, later)) return [];
  return [`"${later.canonical}" replaces "${earlier.canonical}" on ${dayNames(shared)} (later rules replace, they do not add); to keep both, list all times in one rule`];
}

function overrideWarnings(rules: readonly Rule[], index: number): string[] {
  const rule = rules[index];
  if (rule === undefined) return [];
  const later = rules.slice(index + 1);
  const laterMask = later.reduce((mask, next) => mask | maskOf(next), 0);
  if (rule.selector.kind !== 'dates') {
    const left = maskOf(rule) & ~laterMask;
    if (left === 0) return [`rule "${rule.canonical}" never applies: later rules replace it on every day it names`];
    return later.flatMap((next) => replacesWithoutOverlap(rule, next));
  }
  const hit = rule.selector.items.reduce((mask, item) => mask | possibleWeekdays(item), 0) & laterMask;
  if (hit === 0) return [];
  const replacer = later.find((next) => (maskOf(next) & hit) !== 0)?.canonical ?? '';
  return [`date rule "${rule.canonical}" comes before "${replacer}", which replaces it when the date falls on ${dayNames(hit)}: later rules win, so put dates after the weekly hours`];
}

function spanWarnings(rules: readonly Rule[], rule: Rule): string[] {
  const warnings: string[] = [];
  const sorted = [...rule.spans].sort((a, b) => a.start - b.start);
  if (sorted.some((span, i) => i > 0 && span.start < (sorted[i - 1]?.end ?? 0))) warnings.push(`times overlap in "${rule.canonical}"`);
  for (const span of rule.spans.filter((s) => s.end > 1440)) {
    if (span.start < 720) warnings.push(`"${formatSpan(span)}" in "${rule.canonical}" runs past midnight; if you meant ${formatSpan(span).slice(6)} in the afternoon write "${formatSpan({ start: span.start, end: span.end - 720 })}"`);
  }
  if (rule.selector.kind !== 'weekdays' || !rule.spans.some((s) => s.end > 1440)) return warnings;
  // Which weekly rule decides each weekday (date rules aside).
  const weekly = rules.filter((r) => r.selector.kind !== 'dates');
  for (let day = 0; day < 7; day++) {
    if ((rule.selector.mask & (1 << day)) === 0 || lastNaming(weekly, day) !== rule) continue;
    const next = (day + 1) % 7;
    const nextRule = lastNaming(weekly, next);
    if (nextRule !== undefined && nextRule.spans.length === 0) {
      warnings.push(`"${rule.canonical}" runs past midnight into ${WEEKDAYS[next]}, which is off; the part after midnight still applies (it belongs to ${WEEKDAYS[day]})`);
    }
  }
  return warnings;
}

/** Things that parse but are probably not what the owner meant. */
export function findWarnings(rules: readonly Rule[]): string[] {
  return rules.flatMap((rule, index) => [...overrideWarnings(rules, index), ...spanWarnings(rules, rule)]);
}
