import type { ParamTree } from './param-tree.js';
import type { ProblemLog } from './problem-log.js';
import type { RequestDialect } from './types.js';

// Only identity keys decide. CallStatus, RecordingUrl, Digits, DialCallStatus... are
// added to every request by kzt_util:get_request_vars, so they say nothing about the format.
const KAZOO_IDENTITY_KEYS = ['Call-ID', 'Account-ID', 'Caller-ID-Number', 'Caller-ID-Name'];
const TWIML_IDENTITY_KEYS = ['CallSid', 'AccountSid', 'CallerNumber', 'CallerName'];

/**
 * Kazoo wins when both styles appear: a kazoo-format request legitimately carries
 * TwiML-named extras, while TwiML identity keys in it can only come from `<Set>`
 * variables or a proxy.
 */
export function detectDialect(tree: ParamTree, problems: ProblemLog): RequestDialect {
  const kazoo = KAZOO_IDENTITY_KEYS.some((key) => tree.has(key));
  const twiml = TWIML_IDENTITY_KEYS.some((key) => tree.has(key));
  if (kazoo && twiml) {
    problems.add('request mixes kazoo and twiml identity keys, read as kazoo');
  }
  if (kazoo) return 'kazoo';
  return twiml ? 'twiml' : 'unknown';
}
