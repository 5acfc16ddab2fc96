import { formatSpan } from '../parse-times.js';
import type { Rule, TimeSpan } from '../rules.js';
import { dateRuleWeekdays, dayNames, maskOf } from './weekday-masks.js';
import { overnightWarnings } from './warnings-overnight.js';

// Every check here looks at each rule a bounded number of times (7 weekdays), so the whole
// pass stays linear in the number of rules: 20,000 rules once took 37 s pairwise.

/** Whether any span of `a` meets any span of `b`: both sorted by start, then one merge pass. */
function overlaps(a: readonly TimeSpan[], b: readonly TimeSpan[]): boolean {
  const left = [...a].sort((x, y) => x.start - y.start);
  const right = [...b].sort((x, y) => x.start - y.start);
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i];
    const y = right[j];
    if (x === undefined || y === undefined) break;
    if (x.start < y.end && y.start < x.end) return true;
    if (x.end <= y.end) i++;
    else j++;
  }
  return false;
}

/** For each rule, per weekday, the index of the next rule naming that day (or -1): one backward pass. */
function nextNamingTable(rules: readonly Rule[]): Int32Array {
  const table = new Int32Array(rules.length * 7).fill(-1);
  const next = new Int32Array(7).fill(-1);
  for (let i = rules.length - 1; i >= 0; i--) {
    table.set(next, i * 7);
    const rule = rules[i];
    const mask = rule === undefined ? 0 : maskOf(rule);
    for (let day = 0; day < 7; day++) if ((mask & (1 << day)) !== 0) next[day] = i;
  }
  return table;
}

/**
 * `Mo-Fr 09:00-17:00; Fr 18:00-02:00` drops Friday's day hours; owners often mean to add. Each day
 * is compared with the next rule naming it only: that is the one replacing it.
 */
function weeklyOverrideWarnings(rules: readonly Rule[], index: number, next: Int32Array): string[] {
  const rule = rules[index];
  if (rule === undefined) return [];
  const mask = maskOf(rule);
  const replacedDays = new Map<number, number>();
  for (let day = 0; day < 7; day++) {
    const later = next[index * 7 + day] ?? -1;
    if ((mask & (1 << day)) !== 0 && later !== -1) replacedDays.set(later, (replacedDays.get(later) ?? 0) | (1 << day));
  }
  if ([...replacedDays.values()].reduce((all, days) => all | days, 0) === mask) {
    return [`rule "${rule.canonical}" never applies: later rules replace it on every day it names`];
  }
  const warnings: string[] = [];
  for (const [laterIndex, days] of [...replacedDays].sort(([a], [b]) => a - b)) {
    const later = rules[laterIndex];
    if (later === undefined || later.selector.kind !== 'weekdays' || later.spans.length === 0 || overlaps(rule.spans, later.spans)) continue;
    warnings.push(`"${later.canonical}" replaces "${rule.canonical}" on ${dayNames(days)} (later rules replace, they do not add); to keep both, list all times in one rule`);
  }
  return warnings;
}

function dateOverrideWarnings(rules: readonly Rule[], index: number, next: Int32Array): string[] {
  const rule = rules[index];
  if (rule?.selector.kind !== 'dates') return [];
  const possible = dateRuleWeekdays(rule);
  let hit = 0;
  let replacer = Infinity;
  for (let day = 0; day < 7; day++) {
    const later = next[index * 7 + day] ?? -1;
    if ((possible & (1 << day)) === 0 || later === -1) continue;
    hit |= 1 << day;
    replacer = Math.min(replacer, later);
  }
  if (hit === 0) return [];
  return [`date rule "${rule.canonical}" comes before "${rules[replacer]?.canonical ?? ''}", which replaces it when the date falls on ${dayNames(hit)}: later rules win, so put dates after the weekly hours`];
}

function spanWarnings(rule: Rule): string[] {
  const warnings: string[] = [];
  const sorted = [...rule.spans].sort((a, b) => a.start - b.start);
  if (sorted.some((span, i) => i > 0 && span.start < (sorted[i - 1]?.end ?? 0))) warnings.push(`times overlap in "${rule.canonical}"`);
  rule.spans.forEach((span, i) => {
    const previous = rule.spans[i - 1];
    // "08:00-12:00,01:00-05:00": an afternoon written as night hours.
    if (previous !== undefined && span.start < previous.start && span.end <= 720 && span.start + 720 >= previous.end && span.start + 720 - previous.end <= 240) {
      const afternoon = formatSpan({ start: span.start + 720, end: span.end + 720 });
      warnings.push(`"${formatSpan(span)}" in "${rule.canonical}" comes after "${formatSpan(previous)}" but is earlier in the day; did you mean ${afternoon}?`);
    }
    // "12:00-01:00": an afternoon end written as night hours runs past midnight.
    if (span.end > 1440 && span.start <= 720 && span.end - 720 > span.start) {
      warnings.push(`"${formatSpan(span)}" in "${rule.canonical}" runs past midnight, to ${formatSpan(span).slice(6)} the next morning; did you mean ${formatSpan({ start: span.start, end: span.end - 720 })}?`);
    }
  });
  return warnings;
}

/** Things that parse but are probably not what the owner meant. */
export function findWarnings(rules: readonly Rule[]): string[] {
  const next = nextNamingTable(rules);
  const overnight = overnightWarnings(rules);
  return rules.flatMap((rule, index) => [
    ...(rule.selector.kind === 'dates' ? dateOverrideWarnings(rules, index, next) : weeklyOverrideWarnings(rules, index, next)),
    ...spanWarnings(rule),
    ...(overnight.get(index) ?? []),
  ]);
}
