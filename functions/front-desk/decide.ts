import { routeName, type CallerRoute, type LookupOutcome } from '../../shared/callers/index.js';

/** Where the call goes, what the lookup said about the caller, and what decided it (the `caller` note). */
export interface CallerDecision {
  readonly route: CallerRoute;
  readonly name?: string;
  readonly say?: string;
  /** `blocked`, `vip`, `lookup:<route>`, `lookup-failed:<why>`; undefined when nothing about the caller mattered. */
  readonly note?: string;
}

/**
 * The documented order: blocked, then VIP, then the lookup, then the hours (`default`). A lookup's
 * route other than `default` wins over the owner's lists only with CALLER_LOOKUP_OVERRIDES; its
 * name and say are used whatever decides, except for a blocked caller, who hears nothing.
 */
export function decideCaller(rule: 'blocked' | 'vip' | undefined, outcome: LookupOutcome | undefined, overrides: boolean): CallerDecision {
  const answer = outcome?.ok === true ? outcome.answer : undefined;
  const spoken = { ...(answer?.name === undefined ? {} : { name: answer.name }), ...(answer?.say === undefined ? {} : { say: answer.say }) };
  if (answer !== undefined && answer.route !== 'default' && (overrides || rule === undefined)) {
    return { route: answer.route, note: `lookup:${routeName(answer.route)}`, ...spoken };
  }
  if (rule === 'blocked') return { route: 'block', note: 'blocked' };
  if (rule === 'vip') return { route: 'vip', note: 'vip', ...spoken };
  if (outcome === undefined) return { route: 'default' };
  return { route: 'default', note: outcome.ok ? 'lookup:default' : `lookup-failed:${outcome.why}`, ...spoken };
}
