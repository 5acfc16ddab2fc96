import { callflow, twiml, type Flow } from '../flows/index.js';
import type { CallContext } from './context.js';

/**
 * Refuse a call with busy, never answering it: nothing is said and nothing is recorded.
 * Callflow: `response` 486. TwiML: `<Reject reason="busy">` (Kazoo takes only busy or rejected).
 */
export function rejectFlow(context: CallContext): Flow {
  if (context.dialect === 'callflow') return { dialect: 'callflow', action: callflow.response(486) };
  return { dialect: 'twiml', verbs: [twiml.reject('busy')] };
}
