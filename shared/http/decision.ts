import type { CallflowAction, Flow } from '../flows/index.js';

// What each module or verb does, in the words of the log's `decision`; speech is not listed (it leads up to these).
const WORDS: Readonly<Record<string, string>> = {
  device: 'ring device',
  user: 'ring user',
  resources: 'ring number',
  collect_dtmf: 'menu',
  voicemail: 'voicemail box',
  record_caller: 'voicemail',
  record_call: 'voicemail',
  response: 'reject',
  pivot: 'pivot',
  hangup: 'hangup',
  Gather: 'menu',
  Redirect: 'redirect',
  Hangup: 'hangup',
};

/**
 * What an answer does, in a few words for the request log: the first module or verb that is more
 * than speech (`ring device`, `menu`, `voicemail`, `voicemail box`, `hangup`, ...), else `say`.
 */
export function describeFlow(flow: Flow): string {
  if (flow.dialect === 'twiml') {
    for (const verb of flow.verbs) {
      const words = WORDS[verb.verb];
      if (words !== undefined) return words;
    }
    return 'say';
  }
  // Bounded: any flow we build is a few nodes deep.
  let action: CallflowAction | undefined = flow.action;
  for (let step = 0; action !== undefined && step < 16; step += 1, action = action.children._) {
    const words = WORDS[action.module];
    if (words !== undefined) return words;
  }
  return 'say';
}
