import type { Token } from './lexer.js';

/** Walks the token list; the last token is always `end`, so peeking past it is safe. */
export class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(ahead = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] ?? last;
    if (token === undefined) throw new Error('token list without an end token');
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  /** True (and consumed) when the next token is this punctuation mark. */
  takePunct(mark: string): boolean {
    const token = this.peek();
    if (token.kind !== 'punct' || token.text !== mark) return false;
    this.index++;
    return true;
  }

  isPunct(mark: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.text === mark;
  }
}
