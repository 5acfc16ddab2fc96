import type { CallOptions, CallTrace } from '../call/types.js';

/** What the first answer of a call does: a menu or a ring means open, a recording or a voicemail box closed. */
export function stateOf(trace: CallTrace): 'menu' | 'open' | 'closed' | 'unknown' {
  const second = trace.steps.findIndex((step, index) => index > 0 && step.kind === 'request');
  for (const step of trace.steps.slice(0, second < 0 ? undefined : second)) {
    if (step.kind === 'collect') return 'menu';
    if (step.kind === 'ring') return 'open';
    if (step.kind === 'record' || step.kind === 'voicemail-box') return 'closed';
  }
  return 'unknown';
}

const pad = (value: number) => String(value).padStart(2, '0');
const PROBE_TIMES = ['10:30', '03:00', '14:30', '21:00'];

/**
 * An open and a closed local time in the next 7 days (and whether open means a menu), found by
 * asking the deployment itself with X-Simulate-At; `refused` when it does not take the admin token.
 */
export async function findStates(
  call: (extra: Partial<CallOptions>) => Promise<CallTrace>,
  adminToken: string,
  today: Date = new Date(),
): Promise<{ open?: string; closed?: string; menu?: string } | { refused: string }> {
  const found: { open?: string; closed?: string; menu?: string } = {};
  for (let day = 0; day < 7 && (found.open === undefined || found.closed === undefined); day += 1) {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + day);
    for (const time of PROBE_TIMES) {
      const at = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${time}`;
      // Only to tell open from closed: a URL Kazoo refuses is the answer checks' business, not this probe's.
      const trace = await call({ at, adminToken, maxRequests: 1, allowLocal: true });
      const first = trace.steps[0];
      if (first?.kind === 'request' && first.simulateRefused !== undefined) return { refused: first.simulateRefused };
      const state = stateOf(trace);
      if (state === 'menu') found.menu ??= at;
      if (state === 'menu' || state === 'open') found.open ??= at;
      if (state === 'closed') found.closed ??= at;
      if (found.open !== undefined && found.closed !== undefined) break;
    }
  }
  return found;
}
