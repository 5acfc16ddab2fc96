import { withCallerName, withSay } from '../../shared/callers/index.js';
import {
  closedGreeting,
  closedStateReason,
  menuFlow,
  rejectFlow,
  ringFlow,
  spokenReopening,
  voicemailFlow,
  type BusinessState,
  type CallContext,
  type VoicemailReason,
} from '../../shared/calls/index.js';
import { MENU_PROMPTS } from '../../shared/calls/menu-target.js';
import { PivotEdgeError } from '../../shared/errors.js';
import type { Flow } from '../../shared/flows/index.js';
import type { PivotCall } from '../../shared/http/index.js';
import type { CallerDecision } from './decide.js';

const VIP: VoicemailReason = { kind: 'vip' };
// The business's own lookup sent the caller to voicemail: no reason of the hours applies.
const LOOKUP_VOICEMAIL: VoicemailReason = { kind: 'lookup' };

/**
 * Why `decision` cannot be carried out with this config (then the call goes by the hours), or
 * undefined when it can.
 */
export function unusableRoute({ route }: CallerDecision, context: CallContext): { readonly why: string; readonly detail: string } | undefined {
  const { config } = context;
  if (route === 'menu' && config.menu === undefined) return { why: 'no-menu', detail: 'the route is menu, but MENU is not set' };
  if (route === 'vip' && config.callers.vipTarget === undefined && config.frontDesk === undefined) {
    return { why: 'no-vip-target', detail: 'a VIP, but neither VIP_TARGET nor a FRONT_DESK_* is set' };
  }
  return undefined;
}

/** The flow for a decided route; `default` (and `menu` outside hours) is the hours' flow. */
export function routeFlow(decision: CallerDecision, call: PivotCall, state: BusinessState): Flow {
  const { context } = call;
  const { config } = context;
  const { route, name, say } = decision;
  const connecting = withSay(withCallerName(config.greetingOpen, name), say);
  if (route === 'block') return rejectFlow(context);
  if (route === 'vip') return ringFlow(context, config.callers.vipTarget ?? config.frontDesk!, connecting, VIP);
  if (route === 'voicemail') {
    // A Kazoo box plays its own greeting; our own recording needs the invitation.
    const invitation = config.voicemailBoxId === undefined ? MENU_PROMPTS.leaveMessage : '';
    return voicemailFlow(context, withSay('', say, invitation), state.known && !state.open ? closedStateReason(state) : LOOKUP_VOICEMAIL);
  }
  if (typeof route !== 'string') return ringFlow(context, route, connecting);
  return hoursFlow(decision, call, state);
}

/** By the hours: closed → the closed greeting and voicemail; open → the menu, or ring the front desk. */
function hoursFlow({ name, say }: CallerDecision, { context, now }: PivotCall, state: BusinessState): Flow {
  const { config } = context;
  if (!state.known) throw new PivotEdgeError('config_invalid', state.why);
  if (!state.open) {
    const greeting = withCallerName(closedGreeting(config, state.reason, spokenReopening(config, state, now)), name);
    return voicemailFlow(context, withSay(greeting, say), closedStateReason(state));
  }
  if (config.menu !== undefined) return menuFlow(context, withSay('', say, config.menu.prompt), 0);
  const menuProblem = config.problems.find((problem) => problem.variable === 'MENU');
  if (menuProblem !== undefined) throw new PivotEdgeError('config_invalid', menuProblem.message);
  if (config.frontDesk === undefined) {
    throw new PivotEdgeError('config_invalid', 'open, but none of FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID, FRONT_DESK_NUMBER is set');
  }
  return ringFlow(context, config.frontDesk, withSay(withCallerName(config.greetingOpen, name), say));
}
