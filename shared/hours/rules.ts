/** Weekdays as written in the language, Monday first (index 0 = Mo). */
export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Minutes after the local midnight of the owning day; `end` may pass 1440 for overnight ranges. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

export interface WeekdayRange {
  readonly from: number;
  readonly to: number;
}

/** A calendar day, `year` absent for "every year". Month is 0-based. */
export interface MonthDay {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

export type DateItem =
  | { readonly kind: 'date'; readonly from: MonthDay; readonly to?: MonthDay }
  | { readonly kind: 'nth'; readonly year?: number; readonly month: number; readonly weekday: number; readonly nth: number };

export type Selector =
  | { readonly kind: 'always' }
  | { readonly kind: 'weekdays'; readonly ranges: readonly WeekdayRange[]; readonly mask: number }
  | { readonly kind: 'dates'; readonly items: readonly DateItem[] };

export interface Rule {
  readonly selector: Selector;
  /** Empty means closed (`off`). */
  readonly spans: readonly TimeSpan[];
  readonly reason?: string;
  /** Character index of the rule in the source, for warnings. */
  readonly position: number;
  /** The rule written back canonically. */
  readonly canonical: string;
}

/** Bit mask with one bit per weekday index (Mo = bit 0). */
export function weekdayMask(ranges: readonly WeekdayRange[]): number {
  let mask = 0;
  for (const { from, to } of ranges) {
    // Ranges wrap around the week: Fr-Mo is Fr,Sa,Su,Mo.
    const length = ((to - from + 7) % 7) + 1;
    for (let i = 0; i < length; i++) mask |= 1 << ((from + i) % 7);
  }
  return mask;
}
