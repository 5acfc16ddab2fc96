import { isPivotEdgeError } from '../errors.js';
import { TokenCursor } from './cursor.js';
import { tokenize } from './lexer.js';
import { readRule } from './parse-rule.js';
import type { Rule } from './rules.js';
import { hoursSyntaxError, syntaxDetailsOf, syntaxErrorAt } from './syntax-error.js';
import type { Schedule } from './types.js';

/** Parses a schedule to its rules, or throws (hints use the strict parser, without advice). */
export type RulesParser = (text: string) => readonly Rule[];

/**
 * What the owner is told beyond valid/invalid: warnings for rules that parse but are probably not
 * meant, and whole-rule repair hints for errors. Kept apart so the request path (Workers) does
 * not bundle it; see `parseHours` in `advised.ts`.
 */
export interface HoursAdvisor {
  readonly warnings: (rules: readonly Rule[]) => string[];
  readonly repairHint: (source: string, position: number, parseRules: RulesParser) => string | undefined;
}

type ParsedSchedule = Schedule & { readonly rules: readonly Rule[] };

function parseStrict(source: string, advisor: HoursAdvisor | undefined): ParsedSchedule {
  const cursor = new TokenCursor(tokenize(source));
  if (cursor.peek().kind === 'end') throw syntaxErrorAt(cursor.peek(), 'a rule like "Mo-Fr 09:00-17:00"');
  const rules: Rule[] = [];
  for (;;) {
    if (cursor.isPunct(';')) throw syntaxErrorAt(cursor.peek(), 'a rule like "Mo-Fr 09:00-17:00"', 'remove the extra ";"');
    rules.push(Object.freeze(readRule(cursor)));
    // readRule stops only at ";" or the end; one trailing ";" is harmless.
    if (!cursor.takePunct(';') || cursor.peek().kind === 'end') break;
  }
  const canonical = rules.map((rule) => rule.canonical).join('; ');
  const warnings = advisor?.warnings(rules) ?? [];
  return Object.freeze({ source, canonical, warnings: Object.freeze(warnings), rules: Object.freeze(rules) });
}

/**
 * Parses a BUSINESS_HOURS value (the documented opening_hours subset), with the owner's advice
 * when an `advisor` is given (else no warnings, and one-word hints only).
 * Throws PivotEdgeError `hours_syntax` (status 400, details `{ position, found, expected, hint? }`)
 * on anything outside the subset; it never guesses.
 */
export function parseHoursWith(source: string, advisor?: HoursAdvisor): Schedule {
  try {
    return parseStrict(source, advisor);
  } catch (error) {
    if (advisor === undefined || !isPivotEdgeError(error) || error.code !== 'hours_syntax') throw error;
    const details = syntaxDetailsOf(error);
    if (details === undefined) throw error;
    // A whole-rule rewrite ("Mon-Fri 9-5" -> "Mo-Fr 09:00-17:00") beats a one-word hint.
    const ruleHint = advisor.repairHint(source, details.position, (text) => parseStrict(text, undefined).rules);
    if (ruleHint === undefined) throw error;
    throw hoursSyntaxError({ ...details, hint: ruleHint });
  }
}
