import { callflow, twiml, type CallflowAction, type Flow, type TwimlVerb } from '../flows/index.js';
import { PROMPTS, speechOf, type CallContext } from './context.js';

/**
 * Take a message after `intro` (skipped when empty). A Kazoo box always answers in Callflow JSON:
 * TwiML has no voicemail verb, and Kazoo picks the translator per response by content type.
 * Without a box we record the caller ourselves into the recordings endpoint.
 */
export function voicemailFlow(context: CallContext, intro: string, boxId = context.config.voicemailBoxId): Flow {
  if (boxId !== undefined) return { dialect: 'callflow', action: speakThen(context, intro, callflow.voicemail(boxId)) };
  if (context.dialect === 'callflow') return { dialect: 'callflow', action: speakThen(context, intro, recordAction(context)) };
  return { dialect: 'twiml', verbs: [...sayVerbs(context, intro), ...recordVerbs(context)] };
}

/** Callflow: record_caller, then a thank-you and hang up. */
export function recordAction(context: CallContext): CallflowAction {
  const { config } = context;
  const goodbye = callflow.tts(PROMPTS.recorded, speechOf(config), callflow.hangup());
  return callflow.recordCaller(context.urls.recordings, config.recordingFormat, config.maxRecordingSeconds, goodbye);
}

/** TwiML: Record (its action answers the goodbye); the verbs after it run only when nothing was said. */
export function recordVerbs(context: CallContext): TwimlVerb[] {
  const { config } = context;
  return [
    twiml.record(context.urls.recordings, config.maxRecordingSeconds),
    twiml.say(PROMPTS.nothingRecorded, speechOf(config)),
    twiml.hangupVerb(),
  ];
}

/** `tts(text)` before `next`, or `next` alone when there is nothing to say. */
export function speakThen(context: CallContext, text: string, next: CallflowAction): CallflowAction {
  return text === '' ? next : callflow.tts(text, speechOf(context.config), next);
}

export function sayVerbs(context: CallContext, text: string): TwimlVerb[] {
  return text === '' ? [] : [twiml.say(text, speechOf(context.config))];
}

/** The answer to a recording's action request or a completed call: thank you, goodbye. */
export function goodbyeFlow(context: CallContext, text: string = PROMPTS.recorded): Flow {
  if (context.dialect === 'callflow') return { dialect: 'callflow', action: speakThen(context, text, callflow.hangup()) };
  return { dialect: 'twiml', verbs: [...sayVerbs(context, text), twiml.hangupVerb()] };
}
