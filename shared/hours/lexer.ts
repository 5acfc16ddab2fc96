export type TokenKind = 'word' | 'number' | 'time' | 'string' | 'punct' | 'unknown' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Exactly the characters of the source this token covers (quotes included for strings). */
  readonly text: string;
  readonly position: number;
  /** For strings: false when the closing quote is missing. */
  readonly closed?: boolean;
}

const PUNCTUATION = new Set(['-', ',', ';', '[', ']', '/']);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function scanWhile(source: string, from: number, test: (c: string) => boolean): number {
  let i = from;
  while (i < source.length && test(source.charAt(i))) i++;
  return i;
}

/**
 * Splits the source into tokens in one linear pass (no regular expressions, so no
 * backtracking on hostile input). Never throws: unexpected characters become `unknown`
 * tokens and the parser reports them with what it expected there.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    let end = i + 1;
    let kind: TokenKind = 'unknown';
    let closed: boolean | undefined;
    if (isSpace(c)) {
      i = scanWhile(source, i, isSpace);
      continue;
    } else if (isLetter(c)) {
      kind = 'word';
      end = scanWhile(source, i, isLetter);
    } else if (isDigit(c)) {
      kind = 'number';
      end = scanWhile(source, i, isDigit);
      if (source.charAt(end) === ':' && isDigit(source.charAt(end + 1))) {
        kind = 'time';
        end = scanWhile(source, end + 1, isDigit);
      }
    } else if (c === '"') {
      kind = 'string';
      const close = source.indexOf('"', i + 1);
      closed = close !== -1;
      end = closed ? close + 1 : source.length;
    } else if (PUNCTUATION.has(c)) {
      kind = 'punct';
    }
    const text = source.slice(i, end);
    tokens.push(closed === undefined ? { kind, text, position: i } : { kind, text, position: i, closed });
    i = end;
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}
