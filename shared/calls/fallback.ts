import type { CallflowAction, Flow } from '../flows/index.js';
import { PROMPTS, type CallContext } from './context.js';
import { ringAction } from './ring.js';
import { voicemailAction } from './voicemail.js';
import type { VoicemailReason } from './voicemail-url.js';

const FALLBACK: VoicemailReason = { kind: 'fallback' };

/**
 * What a caller gets when we cannot do what was configured: the voicemail box if there is one,
 * otherwise ring the front desk, otherwise an apology and a recording. Never silence.
 */
export function fallbackFlow(context: CallContext): Flow {
  return { dialect: 'callflow', action: fallbackAction(context) };
}

export function fallbackAction(context: CallContext): CallflowAction {
  const { config } = context;
  if (config.voicemailBoxId === undefined && config.frontDesk !== undefined) return ringAction(context, config.frontDesk, FALLBACK);
  return voicemailAction(context, PROMPTS.apology, FALLBACK);
}
