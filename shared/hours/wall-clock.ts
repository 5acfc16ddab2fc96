import { civilDay, MS_PER_DAY, MS_PER_MINUTE } from './civil.js';
import { decidingRule } from './match.js';
import type { Rule } from './rules.js';

export interface WallState {
  readonly open: boolean;
  /** The rule whose times contain the moment when open; the rule deciding today when closed. */
  readonly rule: Rule | undefined;
}

// Which rule decides each day never changes for a parsed schedule, so it is remembered across calls.
const decidedDays = new WeakMap<readonly Rule[], Map<number, Rule | undefined>>();
const MAX_REMEMBERED_DAYS = 4096;

/**
 * Answers "open at this local wall time?" for one schedule. Wall time is milliseconds since
 * 1970-01-01T00:00 on the local clock, so both passes through a repeated (fall-back) hour get the
 * same answer and times inside a spring-forward gap simply never occur.
 */
export class WallClock {
  private readonly decided: Map<number, Rule | undefined>;

  constructor(private readonly rules: readonly Rule[]) {
    let decided = decidedDays.get(rules);
    if (decided === undefined) decidedDays.set(rules, (decided = new Map()));
    this.decided = decided;
  }

  ruleForDay(dayNumber: number): Rule | undefined {
    if (this.decided.has(dayNumber)) return this.decided.get(dayNumber);
    // A few years of days is plenty; start over rather than grow without bound.
    if (this.decided.size >= MAX_REMEMBERED_DAYS) this.decided.clear();
    const rule = decidingRule(this.rules, civilDay(dayNumber));
    this.decided.set(dayNumber, rule);
    return rule;
  }

  stateAt(wallMs: number): WallState {
    const day = Math.floor(wallMs / MS_PER_DAY);
    const minute = (wallMs - day * MS_PER_DAY) / MS_PER_MINUTE;
    const today = this.ruleForDay(day);
    if (today?.spans.some((span) => span.start <= minute && minute < span.end)) return { open: true, rule: today };
    // The part of yesterday's overnight range after midnight still belongs to yesterday's rule.
    const yesterday = this.ruleForDay(day - 1);
    if (yesterday?.spans.some((span) => minute + 1440 < span.end)) return { open: true, rule: yesterday };
    return { open: false, rule: today };
  }

  /** First wall time after `wallMs` and before `wallLimit` where the state differs from `open`. */
  nextFlip(wallMs: number, open: boolean, wallLimit: number): number | undefined {
    const flipMinute = open ? this.endOfOpening(wallMs / MS_PER_MINUTE, wallLimit / MS_PER_MINUTE) : this.nextOpening(wallMs / MS_PER_MINUTE, wallLimit / MS_PER_MINUTE);
    return flipMinute !== undefined && flipMinute * MS_PER_MINUTE < wallLimit ? flipMinute * MS_PER_MINUTE : undefined;
  }

  private endOfOpening(minute: number, limitMinute: number): number | undefined {
    let coveredUntil = minute;
    let extended = true;
    while (extended && coveredUntil < limitMinute) {
      extended = false;
      const day = Math.floor(coveredUntil / 1440);
      // Ranges touching this minute start today or (overnight) yesterday; adjoining ranges chain.
      for (const owner of [day - 1, day]) {
        for (const span of this.ruleForDay(owner)?.spans ?? []) {
          const start = owner * 1440 + span.start;
          const end = owner * 1440 + span.end;
          if (start <= coveredUntil && end > coveredUntil) {
            coveredUntil = end;
            extended = true;
          }
        }
      }
    }
    return coveredUntil < limitMinute ? coveredUntil : undefined;
  }

  private nextOpening(minute: number, limitMinute: number): number | undefined {
    for (let day = Math.floor(minute / 1440); day * 1440 < limitMinute; day++) {
      let earliest: number | undefined;
      for (const span of this.ruleForDay(day)?.spans ?? []) {
        const start = day * 1440 + span.start;
        if (start > minute && (earliest === undefined || start < earliest)) earliest = start;
      }
      if (earliest !== undefined) return earliest;
    }
    return undefined;
  }
}
