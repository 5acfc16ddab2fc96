import {
  callerRule,
  identifyCaller,
  lookupQuery,
  routeName,
  type Caller,
  type CallerLookup,
  type LookupOutcome,
} from '../../shared/callers/index.js';
import { afterDialFlow, AFTER_DIAL, callState, type BusinessState } from '../../shared/calls/index.js';
import type { Flow } from '../../shared/flows/index.js';
import { logEvent, type PivotCall } from '../../shared/http/index.js';
import { decideCaller } from './decide.js';
import { routeFlow, unusableRoute } from './routes.js';

/**
 * front-desk, as a short pipeline: who is calling (blocked, VIP, the lookup), then the hours
 * (open → the menu or ring the front desk, voicemail when unanswered; closed → greeting and
 * voicemail). A lookup that fails is logged and the call goes on by the other rules; unknown
 * hours or nobody to ring → the route's fallback.
 */
export async function answerFrontDesk(call: PivotCall, lookup: CallerLookup): Promise<Flow> {
  const { context, request, query, note } = call;
  if (query('step') === AFTER_DIAL.step) {
    note('dial', `${request.dialCallStatus ?? 'none'}/${request.callStatus ?? 'none'}`);
    return afterDialFlow(context, request);
  }
  const { callers } = context.config;
  const state = callState(call);
  const caller = identifyCaller(request, callers);
  const rule = callerRule(caller, callers);
  const overrides = callers.lookup?.overrides === true;
  // A blocked caller costs the business's service nothing, unless its answer may unblock them.
  const outcome = rule === 'blocked' && !overrides ? undefined : await consult(call, lookup, caller, state);
  let decision = decideCaller(rule, outcome, overrides);
  const unusable = unusableRoute(decision, context);
  if (unusable !== undefined) {
    logEvent('warn', 'caller_route_unusable', { route: routeName(decision.route), why: unusable.why, detail: unusable.detail, callId: request.callId });
    const fromLookup = decision.note?.startsWith('lookup:') === true;
    decision = { ...decision, route: 'default', ...(fromLookup ? { note: `lookup-failed:${unusable.why}` } : {}) };
  }
  if (decision.note !== undefined) note('caller', decision.note);
  return routeFlow(decision, call, state);
}

/** Ask CALLER_LOOKUP_URL (when set); the outcome is noted, and a failure logged with why. */
async function consult({ context, request, note }: PivotCall, lookup: CallerLookup, caller: Caller, state: BusinessState): Promise<LookupOutcome | undefined> {
  const settings = context.config.callers.lookup;
  if (settings === undefined) return undefined;
  const outcome = await lookup(settings, lookupQuery(caller, request, state));
  note('lookup', `${outcome.ok ? routeName(outcome.answer.route) : `failed:${outcome.why}`}${outcome.cached ? ' (cached)' : ''}`);
  if (!outcome.ok) logEvent('warn', 'caller_lookup_failed', { why: outcome.why, detail: outcome.detail, cached: outcome.cached, callId: request.callId });
  return outcome;
}
