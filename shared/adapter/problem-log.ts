import { MAX_PROBLEMS, MAX_QUOTED_KEY_LENGTH } from './limits.js';

/**
 * Collects what could not be read. Capped, because garbage input can produce one
 * problem per byte and the list only exists to be logged.
 */
export class ProblemLog {
  private readonly entries: string[] = [];
  private omitted = 0;

  add(message: string): void {
    if (this.entries.length < MAX_PROBLEMS) this.entries.push(message);
    else this.omitted += 1;
  }

  list(): string[] {
    return this.omitted === 0
      ? [...this.entries]
      : [...this.entries, `${this.omitted} more problems not listed`];
  }
}

/** A key name made safe for a log line: escaped, and cut short when long. */
export function quoteKey(key: string): string {
  const shortened =
    key.length > MAX_QUOTED_KEY_LENGTH ? `${key.slice(0, MAX_QUOTED_KEY_LENGTH)}…` : key;
  return JSON.stringify(shortened);
}
