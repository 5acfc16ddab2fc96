import { isPivotEdgeError } from '../errors.js';
import { TokenCursor } from './cursor.js';
import { ruleRepairHint } from './hints.js';
import { tokenize } from './lexer.js';
import { readRule } from './parse-rule.js';
import type { Rule } from './rules.js';
import { hoursSyntaxError, syntaxDetailsOf, syntaxErrorAt } from './syntax-error.js';
import type { Schedule } from './types.js';
import { findWarnings } from './warnings.js';

function parseStrict(source: string): Schedule {
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
  return Object.freeze({ source, canonical, warnings: Object.freeze(findWarnings(rules)), rules: Object.freeze(rules) });
}

/**
 * Parses a BUSINESS_HOURS value (the documented opening_hours subset).
 * Throws PivotEdgeError `hours_syntax` (status 400, details `{ position, found, expected, hint? }`)
 * on anything outside the subset; it never guesses.
 */
export function parseHours(source: string): Schedule {
  try {
    return parseStrict(source);
  } catch (error) {
    if (!isPivotEdgeError(error) || error.code !== 'hours_syntax') throw error;
    const details = syntaxDetailsOf(error);
    if (details === undefined) throw error;
    // A whole-rule rewrite ("Mon-Fri 9-5" -> "Mo-Fr 09:00-17:00") beats a one-word hint.
    const ruleHint = ruleRepairHint(source, details.position, (text) => parseStrict(text).canonical);
    if (ruleHint === undefined) throw error;
    throw hoursSyntaxError({ ...details, hint: ruleHint });
  }
}
