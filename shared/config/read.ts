import type { ConfigProblem } from './types.js';

/** Collects problems while variables are read one by one; nothing here throws. */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];
  readonly warnings: string[] = [];
  /** The URLs read, by variable, for the owner's advice on their hosts (settings-advice.ts). */
  readonly urls = new Map<string, string>();

  constructor(private readonly env: Readonly<Record<string, unknown>>) {}

  /** The trimmed string value, or undefined when unset or blank (bindings that are not strings count as unset). */
  text(name: string): string | undefined {
    const value = this.env[name];
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  problem(variable: string, message: string): undefined {
    this.problems.push({ variable, message: `${variable}: ${message}` });
    return undefined;
  }

  /** One of `choices` (case-insensitive); `fallback` when unset; a problem and `fallback` when not listed. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const found = choices.find((choice) => choice === raw.toLowerCase());
    if (found !== undefined) return found;
    this.problem(name, `expected one of ${choices.join(', ')}, found "${raw}"`);
    return fallback;
  }

  /** A whole number in [min, max]; `fallback` when unset or invalid (invalid also records a problem, with `why` the range). */
  integer(name: string, min: number, max: number, fallback: number, why?: string): number {
    return this.optionalInteger(name, min, max, why) ?? fallback;
  }

  /** A whole number in [min, max]; undefined when unset or invalid (invalid also records a problem). */
  optionalInteger(name: string, min: number, max: number, why?: string): number | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      return this.problem(name, `expected a whole number from ${min} to ${max}${why === undefined ? '' : ` (${why})`}, found "${raw}"`);
    }
    return Number(raw);
  }

  /**
   * An absolute http(s) URL without a trailing slash. A `secret` one (a webhook whose path is its
   * key) is never quoted back: problems reach the request log.
   */
  url(name: string, { secret = false }: { readonly secret?: boolean } = {}): string | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    if (!/^https?:\/\/[^\s/?#]+/i.test(raw) || !URL.canParse(raw)) {
      const found = secret ? ' (not quoted: it may hold a secret)' : `, found "${raw}"`;
      return this.problem(name, `expected an absolute http:// or https:// URL${found}`);
    }
    const url = raw.replace(/\/+$/, '');
    this.urls.set(name, url);
    return url;
  }
}
