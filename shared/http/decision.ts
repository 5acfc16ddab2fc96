import type { CallflowAction, Flow, TwimlVerb } from '../flows/index.js';

const RING: Readonly<Record<string, string>> = { device: 'ring device', user: 'ring user', resources: 'ring number' };
const DIAL: Readonly<Record<string, string>> = { plain: 'ring number', Number: 'ring number', Device: 'ring device', User: 'ring user' };
// Deep enough for any flow we build; a flow from elsewhere cannot make the walk long.
const MAX_STEPS = 16;

/**
 * What an answer does, in a few words for the request log: the first module or verb that is more
 * than speech (`ring device`, `menu`, `voicemail`, `voicemail box`, `hangup`, ...), else `say`.
 */
export function describeFlow(flow: Flow): string {
  return flow.dialect === 'callflow' ? describeAction(flow.action) : describeVerbs(flow.verbs);
}

function describeAction(first: CallflowAction): string {
  let action: CallflowAction | undefined = first;
  for (let step = 0; action !== undefined && step < MAX_STEPS; step += 1) {
    const words = describeModule(action);
    if (words !== undefined) return words;
    action = action.children._;
  }
  return 'say';
}

function describeModule({ module, data }: CallflowAction): string | undefined {
  const ring = RING[module];
  if (ring !== undefined) return ring;
  switch (module) {
    case 'collect_dtmf':
      return 'menu';
    case 'voicemail':
      return 'voicemail box';
    case 'record_caller':
      return 'voicemail';
    case 'record_call':
      return data.action === 'stop' ? undefined : 'voicemail';
    case 'response':
      return `response ${String(data.code ?? 486)}`;
    case 'pivot':
    case 'hangup':
      return module;
    default:
      return undefined;
  }
}

function describeVerbs(verbs: readonly TwimlVerb[]): string {
  for (const verb of verbs) {
    switch (verb.verb) {
      case 'Dial':
        return DIAL[verb.target.noun] ?? 'ring';
      case 'Gather':
        return 'menu';
      case 'Record':
        return 'voicemail';
      case 'Redirect':
        return 'redirect';
      case 'Hangup':
        return 'hangup';
      default:
        break;
    }
  }
  return 'say';
}
