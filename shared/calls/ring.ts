import type { PivotRequest } from '../adapter/index.js';
import type { RingTarget } from '../config/types.js';
import { callflow, type CallflowAction, type Flow } from '../flows/index.js';
import { PROMPTS, type CallContext } from './context.js';
import { goodbyeFlow, speakThen, voicemailAction, voicemailFlow } from './voicemail.js';
import type { VoicemailReason } from './voicemail-url.js';

/** Query marking the `<Dial action>` request that comes back to front-desk (older answers used it). */
export const AFTER_DIAL = { step: 'after-dial' } as const;

const UNANSWERED: VoicemailReason = { kind: 'unanswered' };

/**
 * Ring `target` for RING_TIMEOUT seconds after `greeting`; voicemail is the ring node's `_` child.
 * Callflow JSON in both dialects: a TwiML `<Dial>` that ends busy or failed hangs the caller up
 * before its action is requested (kzt_twiml_dial, kzt_receiver), so it could never reach voicemail.
 */
export function ringFlow(context: CallContext, target: RingTarget, greeting: string, reason: VoicemailReason = UNANSWERED): Flow {
  return { dialect: 'callflow', action: speakThen(context, greeting, ringAction(context, target, reason)) };
}

export function ringAction(context: CallContext, target: RingTarget, reason: VoicemailReason = UNANSWERED): CallflowAction {
  const timeout = context.config.ringTimeout;
  const next = voicemailAction(context, PROMPTS.unanswered, reason);
  switch (target.kind) {
    case 'device':
      return callflow.device(target.id, timeout, next);
    case 'user':
      return callflow.user(target.id, timeout, next);
    case 'number':
      return callflow.resources(target.number, timeout, next);
  }
}

// Kazoo sends DialCallStatus completed (answered) or in-progress (an answered number dial that
// ended): the conversation happened. Everything else (no-answer, busy as no-answer with
// CallStatus=busy, failed, ringing, nothing) means nobody talked to the caller.
const CONVERSATION_HELD = new Set(['completed', 'in-progress']);

/** The `<Dial action>` request of TwiML answered by earlier versions: hang up after a conversation, else voicemail. */
export function afterDialFlow(context: CallContext, request: PivotRequest): Flow {
  const status = request.dialCallStatus;
  if (status !== undefined && CONVERSATION_HELD.has(status)) return goodbyeFlow(context, '');
  const detail = request.callStatus === 'busy' ? 'busy' : status === 'failed' ? 'failed' : undefined;
  return voicemailFlow(context, PROMPTS.unanswered, detail === undefined ? UNANSWERED : { kind: 'unanswered', detail });
}
