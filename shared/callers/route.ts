import { EnvReader } from '../config/read.js';
import { parseTarget } from '../config/targets.js';
import type { RingTarget } from '../config/types.js';

/** Where a caller goes: by the normal rules, a rule of ours, or a ring target. */
export type CallerRoute = 'default' | 'vip' | 'block' | 'voicemail' | 'menu' | RingTarget;

const NAMED = new Set<string>(['default', 'vip', 'block', 'voicemail', 'menu']);
const E164 = /^\+[1-9]\d{6,14}$/;

/** A route as a lookup answers it, or why it cannot be taken (`unknown-route`, `bad-target`). */
export function parseRoute(text: string): { readonly route: CallerRoute } | { readonly why: 'unknown-route' | 'bad-target'; readonly detail: string } {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (NAMED.has(lower)) return { route: lower as CallerRoute };
  if (!/^(device|user|number):/.test(lower)) {
    return { why: 'unknown-route', detail: `route "${trimmed.slice(0, 60)}" is not default, vip, block, voicemail, menu, device:ID, user:ID or number:+E164` };
  }
  const scratch = new EnvReader({});
  const target = parseTarget(trimmed, 'route', undefined, ['device', 'user', 'number'], scratch);
  if (target !== undefined && (target.kind !== 'number' || E164.test(target.number))) return { route: target };
  const problem = scratch.problems[0]?.message ?? 'route: expected number:+E164, like number:+14155550100';
  return { why: 'bad-target', detail: `${problem} (from "${trimmed.slice(0, 60)}")` };
}

/** The route's name for the log: `default`, `device`, ... (never the id or number). */
export function routeName(route: CallerRoute): string {
  return typeof route === 'string' ? route : route.kind;
}
