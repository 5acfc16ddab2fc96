import type { Flow } from '../flows/index.js';
import { PROMPTS, type CallContext } from './context.js';
import { ringFlow } from './ring.js';
import { voicemailFlow } from './voicemail.js';

/**
 * What a caller gets when we cannot do what was configured: the voicemail box if there is one,
 * otherwise ring the front desk, otherwise an apology and a recording. Never silence.
 */
export function fallbackFlow(context: CallContext): Flow {
  const { config } = context;
  if (config.voicemailBoxId !== undefined) return voicemailFlow(context, PROMPTS.apology);
  if (config.frontDesk !== undefined) return ringFlow(context, config.frontDesk, '');
  return voicemailFlow(context, PROMPTS.apology);
}
