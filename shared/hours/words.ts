import { MONTHS, WEEKDAYS } from './rules.js';

export const weekdayIndex = (word: string): number => (WEEKDAYS as readonly string[]).indexOf(word);
export const monthIndex = (word: string): number => (MONTHS as readonly string[]).indexOf(word);
export const isOffWord = (word: string): boolean => word === 'off' || word === 'closed';

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
// Common English abbreviations that are not simply a prefix of the full name.
const EXTRA_WEEKDAY_SPELLINGS: Readonly<Record<string, number>> = { tues: 1, thur: 3, thurs: 3 };

/** A misspelled weekday (`mon`, `Monday`, `MO`) written the way the language wants it, or undefined. */
export function weekdaySpelling(word: string): string | undefined {
  const lower = word.toLowerCase();
  const extra = EXTRA_WEEKDAY_SPELLINGS[lower];
  if (extra !== undefined) return WEEKDAYS[extra];
  const index = lower.length >= 2 ? WEEKDAY_NAMES.findIndex((name) => name.startsWith(lower)) : -1;
  // "t" or "s" alone would be ambiguous; startsWith with 2+ letters is not (tu/th, sa/su).
  return index === -1 ? undefined : WEEKDAYS[index];
}

/** A misspelled month (`dec`, `December`, `DEC`) in the language's spelling, or undefined. */
export function monthSpelling(word: string): string | undefined {
  const lower = word.toLowerCase();
  const index = lower.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(lower)) : -1;
  return index === -1 ? undefined : MONTHS[index];
}

/** A hint for a word that is not part of the language but close to something that is. */
export function wordHint(word: string): string | undefined {
  const weekday = weekdaySpelling(word);
  if (weekday !== undefined && weekday !== word) return `write "${weekday}"`;
  const month = monthSpelling(word);
  if (month !== undefined && month !== word) return `write "${month}"`;
  const lower = word.toLowerCase();
  if ((lower === 'off' || lower === 'closed') && !isOffWord(word)) return 'write "off"';
  if (word === 'PH' || word === 'SH') {
    return 'public and school holidays are not built in; write each one as a date rule, e.g. "Dec 25 off"';
  }
  if (lower === 'open') return 'write the opening times, e.g. "09:00-17:00"';
  return undefined;
}
