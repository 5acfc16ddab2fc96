import { PivotEdgeError } from '../errors.js';
import type { Token } from './lexer.js';

export interface SyntaxDetails {
  readonly position: number;
  readonly found: string;
  readonly expected: string;
  readonly hint?: string;
}

/** How a token is named in messages: its text in quotes, or "end of input". */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of input';
  const text = token.text.length > 24 ? `${token.text.slice(0, 24)}…` : token.text;
  return JSON.stringify(text);
}

export function hoursSyntaxError(details: SyntaxDetails): PivotEdgeError {
  const hint = details.hint === undefined ? '' : `; hint: ${details.hint}`;
  const message = `BUSINESS_HOURS: at position ${details.position}, found ${details.found}, expected ${details.expected}${hint}`;
  return new PivotEdgeError('hours_syntax', message, 400, { ...details });
}

export function syntaxErrorAt(token: Token, expected: string, hint?: string): PivotEdgeError {
  const details = { position: token.position, found: describeToken(token), expected };
  return hoursSyntaxError(hint === undefined ? details : { ...details, hint });
}

/** Reads the structured details back (e.g. to add a hint found later). */
export function syntaxDetailsOf(error: PivotEdgeError): SyntaxDetails | undefined {
  const { position, found, expected, hint } = error.details;
  if (typeof position !== 'number' || typeof found !== 'string' || typeof expected !== 'string') return undefined;
  return typeof hint === 'string' ? { position, found, expected, hint } : { position, found, expected };
}
