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
import type { CallersConfig } from '../../shared/config/types.js';
import type { Flow } from '../../shared/flows/index.js';
import { logEvent, type PivotCall } from '../../shared/http/index.js';
import { decideCaller, type CallerDecision } from './decide.js';
import { routeFlow, unusableRoute } from './routes.js';

const BY_THE_HOURS: CallerDecision = { route: 'default' };

/**
 * front-desk, as a short pipeline: who is calling (blocked, VIP, the lookup), then the hours
 * (open → the menu or ring the front desk, voicemail when unanswered; closed → greeting and
 * voicemail). A lookup that fails is logged and the call goes on by the other rules; unknown
 * hours or nobody to ring → the route's fallback. Without caller rules the caller is not even
 * looked at, and only a lookup makes the answer wait.
 */
export function answerFrontDesk(call: PivotCall, lookup: CallerLookup): Flow | Promise<Flow> {
  const { context, request, query, note } = call;
  if (query('step') === AFTER_DIAL.step) {
    note('dial', `${request.dialCallStatus ?? 'none'}/${request.callStatus ?? 'none'}`);
    return afterDialFlow(context, request);
  }
  const { callers } = context.config;
  const state = callState(call);
  if (!hasCallerRules(callers)) return routeFlow(BY_THE_HOURS, call, state);
  const caller = identifyCaller(request, callers);
  const rule = callerRule(caller, callers);
  const overrides = callers.lookup?.overrides === true;
  // A blocked caller costs the business's service nothing, unless its answer may unblock them.
  if (callers.lookup === undefined || (rule === 'blocked' && !overrides)) return decided(call, decideCaller(rule, undefined, overrides), state);
  return consult(call, lookup, caller, state).then((outcome) => decided(call, decideCaller(rule, outcome, overrides), state));
}

function hasCallerRules(callers: CallersConfig): boolean {
  return callers.lookup !== undefined || callers.blockAnonymous || callers.vipNumbers.size > 0 || callers.blockedNumbers.size > 0;
}

/** The decided route's flow; a route this config cannot carry out is logged and goes by the hours. */
function decided(call: PivotCall, decision: CallerDecision, state: BusinessState): Flow {
  const { context, request, note } = call;
  const unusable = unusableRoute(decision, context);
  if (unusable !== undefined) {
    logEvent('warn', 'caller_route_unusable', { route: routeName(decision.route), why: unusable.why, detail: unusable.detail, callId: request.callId });
    const fromLookup = decision.note?.startsWith('lookup:') === true;
    decision = { ...decision, route: 'default', ...(fromLookup ? { note: `lookup-failed:${unusable.why}` } : {}) };
  }
  if (decision.note !== undefined) note('caller', decision.note);
  return routeFlow(decision, call, state);
}

/** Ask CALLER_LOOKUP_URL; the outcome is noted, and a failure logged with why. */
async function consult({ context, request, note }: PivotCall, lookup: CallerLookup, caller: Caller, state: BusinessState): Promise<LookupOutcome> {
  const outcome = await lookup(context.config.callers.lookup!, lookupQuery(caller, request, state));
  note('lookup', `${outcome.ok ? routeName(outcome.answer.route) : `failed:${outcome.why}`}${outcome.cached ? ' (cached)' : ''}`);
  if (!outcome.ok) logEvent('warn', 'caller_lookup_failed', { why: outcome.why, detail: outcome.detail, cached: outcome.cached, callId: request.callId });
  return outcome;
}
