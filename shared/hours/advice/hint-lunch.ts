import { formatSelector } from '../canonical.js';
import type { RulesParser } from '../parse.js';
import { formatSpan } from '../parse-times.js';
import type { Rule, TimeSpan } from '../rules.js';
import { maskOf } from './weekday-masks.js';

const OFF_AFTER_TIMES = /^(.*\d)\s+(?:off|closed)\b(.*)$/i;

function parsed(text: string, parseRules: RulesParser): readonly Rule[] | undefined {
  try {
    return parseRules(text);
  } catch {
    return undefined;
  }
}

/** The opening times of `spans` outside the break. */
function without(spans: readonly TimeSpan[], pause: readonly TimeSpan[]): TimeSpan[] {
  let left = [...spans];
  for (const cut of pause) {
    left = left.flatMap((span) => {
      if (cut.end <= span.start || cut.start >= span.end) return [span];
      const parts: TimeSpan[] = [];
      if (span.start < cut.start) parts.push({ start: span.start, end: cut.start });
      if (cut.end < span.end) parts.push({ start: cut.end, end: span.end });
      return parts;
    });
  }
  return left.sort((a, b) => a.start - b.start);
}

/** The weekly rule that decides every day of `mask` among `rules`, when it is one and the same. */
function sharedDecider(rules: readonly Rule[], mask: number): Rule | undefined {
  let decider: Rule | undefined;
  for (let day = 0; day < 7; day++) {
    if ((mask & (1 << day)) === 0) continue;
    let rule: Rule | undefined;
    for (const candidate of rules) if ((maskOf(candidate) & (1 << day)) !== 0) rule = candidate;
    if (rule === undefined || (decider !== undefined && rule !== decider)) return undefined;
    decider = rule;
  }
  return decider;
}

/**
 * `Mo-Th 12:00-13:00 off` (opening_hours for "closed at lunch") is not in the language: a rule
 * gives a day's times. The hint lists the times around the break, taken from the earlier rules.
 */
export function lunchBreakHint(rule: string, before: string, parseRules: RulesParser): string | undefined {
  const match = OFF_AFTER_TIMES.exec(rule);
  const pause = match === null ? undefined : parsed(`${match[1]}${match[2]}`, parseRules)?.[0];
  if (pause === undefined || pause.spans.length === 0) return undefined;
  const selector = formatSelector(pause.selector);
  const written = (spans: readonly TimeSpan[]): string => [selector, spans.map(formatSpan).join(',')].filter((part) => part !== '').join(' ');
  const why = '"off" closes whole days, it cannot take hours out of one; for a break';
  const earlier = parsed(before.replace(/;\s*$/, ''), parseRules) ?? [];
  const decider = pause.selector.kind === 'dates' ? undefined : sharedDecider(earlier, maskOf(pause));
  const around = decider === undefined ? [] : without(decider.spans, pause.spans);
  if (around.length === 0) return `${why} list the opening times around it, e.g. "${written(without([{ start: 540, end: 1020 }], pause.spans))}"`;
  return `${why} write "${written(around)}${pause.reason === undefined ? '' : ` "${pause.reason}"`}"`;
}
