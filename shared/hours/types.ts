/** A parsed BUSINESS_HOURS value. Build it with `parseHours`; evaluate it with `stateAt`. */
export interface Schedule {
  /** The text as the owner wrote it. */
  readonly source: string;
  /** The same schedule written back in the one canonical spelling. */
  readonly canonical: string;
  /** Things that parse but are probably not what the owner meant (e.g. a rule fully overridden later). */
  readonly warnings: readonly string[];
  /** Parsed rules, in order; later rules override earlier ones for the days they name. */
  readonly rules: readonly unknown[];
}

/** Whether the business is open at one instant, and why. */
export interface HoursState {
  readonly open: boolean;
  /** The quoted comment of the deciding rule (`Dec 25 off "Christmas"` gives `Christmas`). */
  readonly reason?: string;
  /** Canonical text of the rule that decided; '' when no rule names that day (closed). */
  readonly rule: string;
  /** The next instant the state flips, searched up to 366 days ahead; null when it never does. */
  readonly nextChange: Date | null;
}
