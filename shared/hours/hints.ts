import { monthSpelling, weekdaySpelling } from './words.js';

const MAX_RULE_LENGTH = 200;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The text of the `;`-separated rule containing `position` (quotes respected). */
function ruleAround(source: string, position: number): string {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '"') quoted = !quoted;
    if (c !== ';' || quoted) continue;
    if (i >= position) return source.slice(start, i);
    start = i + 1;
  }
  return source.slice(start);
}

function toHour(hour: number, meridiem: string | undefined): number {
  const half = meridiem?.toLowerCase().charAt(0);
  if (half === 'p' && hour < 12) return hour + 12;
  if (half === 'a' && hour === 12) return 0;
  return hour;
}

// Single optional spaces only (\s?), so this stays linear on hostile input.
const LOOSE_TIME_RANGE = /(\d{1,2})(?:[:.h](\d{2}))?\s?([ap]\.?m\.?)?\s?[-–]\s?(\d{1,2})(?:[:.h](\d{2}))?\s?([ap]\.?m\.?)?/gi;

function repairTimes(text: string): string {
  return text.replace(LOOSE_TIME_RANGE, (match, h1: string, m1?: string, ap1?: string, h2?: string, m2?: string, ap2?: string) => {
    const start = toHour(Number(h1), ap1 ?? ap2);
    let end = toHour(Number(h2), ap2);
    // "9-5" almost always means 09:00-17:00.
    if (ap1 === undefined && ap2 === undefined && m1 === undefined && m2 === undefined && end <= start && start <= 12 && end < 12) end += 12;
    if (start > 23 || end > 24) return match;
    return `${pad2(start)}:${m1 ?? '00'}-${pad2(end)}:${m2 ?? '00'}`;
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

/**
 * A corrected spelling of the rule around an error, when a plain rewrite (long weekday names,
 * "9-5", "9am-5pm", "9:00") gives a rule that parses. `parseRule` returns its canonical text or throws.
 */
export function ruleRepairHint(source: string, position: number, parseRule: (text: string) => string): string | undefined {
  const original = ruleAround(source, position).trim();
  if (original === '' || original.length > MAX_RULE_LENGTH) return undefined;
  const words = repairWords(original);
  const hasDate = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(words);
  const repaired = hasDate ? words : repairTimes(words);
  if (repaired === original) return undefined;
  try {
    return `write "${parseRule(repaired)}"`;
  } catch {
    return undefined;
  }
}
