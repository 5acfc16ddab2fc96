import { repairDates } from './hint-dates.js';
import { lunchBreakHint } from './hint-lunch.js';
import type { RulesParser } from '../parse.js';
import { monthSpelling, weekdaySpelling } from '../words.js';

const MAX_RULE_LENGTH = 200;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Where the `;`-separated rule containing `position` starts and ends (quotes respected). */
function ruleBounds(source: string, position: number): { readonly start: number; readonly end: number } {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '"') quoted = !quoted;
    if (c !== ';' || quoted) continue;
    if (i >= position) return { start, end: i };
    start = i + 1;
  }
  return { start, end: source.length };
}

/** Dashes and quotes as word processors and phones type them. */
function repairTypography(text: string): string {
  const plain = text.replace(/[‐‑‒–—―−]/g, '-').replace(/[“”„‟″]/g, '"').replace(/‘(.*)’/, '"$1"');
  return plain.includes('"') ? plain : plain.replace(/(^|\s)'(.*)'(\s*)$/, '$1"$2"$3');
}

function toHour(hour: number, meridiem: string | undefined): number {
  const half = meridiem?.toLowerCase().charAt(0);
  if (half === 'p' && hour < 12) return hour + 12;
  if (half === 'a' && hour === 12) return 0;
  return hour;
}

// Single optional spaces only (\s?), so this stays linear on hostile input; "0800" reads as 08:00.
const LOOSE_TIME_RANGE = /(\d{1,2})(?:[:.h]?(\d{2}))?\s?([ap]\.?m\.?)?\s?-\s?(\d{1,2})(?:[:.h]?(\d{2}))?\s?([ap]\.?m\.?)?/gi;
const NOON = 12 * 60;

/**
 * `9-5` is 09:00-17:00 and `8-12,1-5` is 08:00-12:00,13:00-17:00: a bare end before its start, or
 * a bare range starting before the previous one ended (within a lunch break), is the afternoon.
 * Never 01:00-05:00, which would open the office at night.
 */
function repairTimes(text: string): string {
  let lastEnd: number | undefined;
  return text.replace(LOOSE_TIME_RANGE, (match, h1: string, m1?: string, ap1?: string, h2?: string, m2?: string, ap2?: string) => {
    const startMinute = Number(m1 ?? 0);
    const endMinute = Number(m2 ?? 0);
    let end = toHour(Number(h2), ap2) * 60 + endMinute;
    let start = toHour(Number(h1), ap1) * 60 + startMinute;
    // "9-5pm": the meridiem of the end applies to the start only when that keeps it first.
    if (ap1 === undefined && ap2 !== undefined && toHour(Number(h1), ap2) * 60 + startMinute < end) start = toHour(Number(h1), ap2) * 60 + startMinute;
    // Only loosely written hours ("1", "9:30", not "09:00") are read as the afternoon.
    const looseStart = h1.length === 1 || m1 === undefined;
    const looseEnd = h2 === undefined || h2.length === 1 || m2 === undefined;
    if (ap1 === undefined && ap2 === undefined && looseStart && lastEnd !== undefined && start < lastEnd && start < NOON) {
      const afternoon = start + NOON;
      if (afternoon >= lastEnd && afternoon - lastEnd <= 4 * 60) start = afternoon;
    }
    if (ap2 === undefined && looseEnd && end <= start && end < NOON && end + NOON > start) end += NOON;
    if (startMinute > 59 || endMinute > 59 || start >= 24 * 60 || end > 24 * 60) return match;
    lastEnd = end;
    return `${pad2(Math.floor(start / 60))}:${pad2(startMinute)}-${pad2(Math.floor(end / 60))}:${pad2(endMinute)}`;
  });
}

function repairWords(text: string): string {
  return text
    .replace(/\s+(?:to|through|thru)\s+/gi, '-')
    .replace(/[A-Za-z]+/g, (word) => {
      if (word.toLowerCase() === 'closed' || word.toLowerCase() === 'off') return 'off';
      return weekdaySpelling(word) ?? monthSpelling(word) ?? word;
    });
}

function repairRule(text: string, dayFirst: boolean): string {
  const words = repairWords(repairDates(repairTypography(text), dayFirst));
  const hasDate = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(words);
  return hasDate ? words : repairTimes(words);
}

function canonicalOf(text: string, parseRules: RulesParser): string | undefined {
  try {
    return parseRules(text).map((rule) => rule.canonical).join('; ');
  } catch {
    return undefined;
  }
}

/**
 * A corrected spelling of the rule around an error, when a plain rewrite (long weekday names,
 * "9-5", "9am-5pm", "0800", "12/25", typographic dashes and quotes) gives a rule that parses; or
 * how to write a lunch break. A date like 04/07 gets both readings.
 */
export function ruleRepairHint(source: string, position: number, parseRules: RulesParser): string | undefined {
  const { start, end } = ruleBounds(source, position);
  const original = source.slice(start, end).trim();
  if (original === '' || original.length > MAX_RULE_LENGTH) return undefined;
  const lunch = lunchBreakHint(original, source.slice(0, start), parseRules);
  if (lunch !== undefined) return lunch;
  const repaired = repairRule(original, false);
  const canonical = repaired === original ? undefined : canonicalOf(repaired, parseRules);
  if (canonical === undefined) return undefined;
  const dayFirst = canonicalOf(repairRule(original, true), parseRules);
  if (dayFirst !== undefined && dayFirst !== canonical) return `write "${canonical}" (month/day) or "${dayFirst}" (day/month)`;
  return `write "${canonical}"`;
}
