import type { RingTarget } from '../config/types.js';
import { callflow, twiml, type CallflowAction, type DialTarget, type Flow } from '../flows/index.js';
import { PROMPTS, withQuery, type CallContext } from './context.js';
import { recordAction, speakThen, sayVerbs, voicemailFlow } from './voicemail.js';

/** Query marking the `<Dial action>` request that comes back to front-desk. */
export const AFTER_DIAL = { step: 'after-dial' } as const;

/**
 * Ring `target` for RING_TIMEOUT seconds after `greeting`; when nobody answers, voicemail.
 * Callflow: the voicemail is the ring node's `_` child. TwiML: `<Dial action>` brings the call
 * back to front-desk, which answers by DialCallStatus (see `afterDialFlow`).
 */
export function ringFlow(context: CallContext, target: RingTarget, greeting: string): Flow {
  const { config } = context;
  if (context.dialect === 'callflow') {
    const ring = ringAction(target, config.ringTimeout, unansweredAction(context));
    return { dialect: 'callflow', action: speakThen(context, greeting, ring) };
  }
  const action = withQuery(context.urls['front-desk'], AFTER_DIAL);
  return { dialect: 'twiml', verbs: [...sayVerbs(context, greeting), twiml.dial(dialTarget(target), config.ringTimeout, action)] };
}

/** `<Dial action>` follow-up: an answered call is over; anything else goes to voicemail. */
export function afterDialFlow(context: CallContext, dialCallStatus: string | undefined): Flow {
  if (dialCallStatus === 'completed') {
    return context.dialect === 'callflow'
      ? { dialect: 'callflow', action: callflow.hangup() }
      : { dialect: 'twiml', verbs: [twiml.hangupVerb()] };
  }
  return voicemailFlow(context, PROMPTS.unanswered);
}

function unansweredAction(context: CallContext): CallflowAction {
  const box = context.config.voicemailBoxId;
  return speakThen(context, PROMPTS.unanswered, box === undefined ? recordAction(context) : callflow.voicemail(box));
}

export function ringAction(target: RingTarget, timeout: number, next: CallflowAction): CallflowAction {
  switch (target.kind) {
    case 'device':
      return callflow.device(target.id, timeout, next);
    case 'user':
      return callflow.user(target.id, timeout, next);
    case 'number':
      return callflow.resources(target.number, timeout, next);
  }
}

export function dialTarget(target: RingTarget): DialTarget {
  switch (target.kind) {
    case 'device':
      return { noun: 'Device', id: target.id };
    case 'user':
      return { noun: 'User', id: target.id };
    case 'number':
      return { noun: 'plain', number: target.number };
  }
}
