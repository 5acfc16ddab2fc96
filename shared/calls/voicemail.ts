import type { Config } from '../config/types.js';
import * as callflow from '../flows/callflow.js';
import type { CallflowAction, Flow, TwimlVerb } from '../flows/index.js';
import { constantAction } from '../flows/render-callflow.js';
import * as twiml from '../flows/twiml.js';
import { PROMPTS, RECORDED_PROMPT, refusedHost, speechOf, type CallContext } from './context.js';
import { recordingUrl, type VoicemailReason } from './voicemail-url.js';

/**
 * Take a message after `intro` (skipped when empty), in Callflow JSON whatever the request's
 * dialect: Kazoo picks the translator per response by content type, TwiML has no voicemail verb,
 * and TwiML's `<Record>` never uploads on Kazoo master. With a Kazoo box, the box; without one,
 * our own recording (`recordMessage`), which carries `reason` to the recordings endpoint.
 */
export function voicemailFlow(context: CallContext, intro: string, reason: VoicemailReason, boxId = context.config.voicemailBoxId): Flow {
  return { dialect: 'callflow', action: voicemailAction(context, intro, reason, boxId) };
}

export function voicemailAction(context: CallContext, intro: string, reason: VoicemailReason, boxId = context.config.voicemailBoxId): CallflowAction {
  return speakThen(context, intro, boxId === undefined ? recordMessage(context, reason) : callflow.voicemail(boxId));
}

/**
 * Shorter recordings are dropped where the switch honours it (FreeSWITCH before 1.10). The recording
 * starts with the 3-second speak-now prompt, so only a hang-up during the prompt is dropped.
 */
export const RECORD_MIN_SECONDS = 2;
/** Time for the speak-now prompt (about 3 s of speech) inside the recording, plus start-up. */
const PROMPT_ALLOWANCE_SECONDS = 5;

/**
 * record_call start → "speak now" → sleep → record_call stop → time-up goodbye → hangup.
 * The recording starts before the prompt so it is running when the caller speaks. A hang-up ends
 * sleep and the recording; Kazoo uploads it then (4.3 and master). The sleep ends just before
 * `MAX_RECORDING_SECONDS` of recording, so our stop, not the switch's limit, ends a long message
 * and the goodbye follows at once instead of seconds of silence.
 */
function recordMessage(context: CallContext, reason: VoicemailReason): CallflowAction {
  const { config } = context;
  const speech = speechOf(config);
  // Kazoo rejects the whole flow for such a url and hangs up: say so instead.
  if (refusedHost(context, 'recordings') !== undefined) return callflow.tts(PROMPTS.noRecording, speech, callflow.hangup());
  const options = {
    url: recordingUrl(context.urls.recordings, reason, context.caller),
    format: config.recordingFormat,
    timeLimit: config.maxRecordingSeconds,
    minSeconds: RECORD_MIN_SECONDS,
  };
  return callflow.recordCallStart(options, afterRecordingStarts(config));
}

// Per config: everything after record_call start, the same for every message.
const closingChains = new WeakMap<Config, CallflowAction>();

/** "speak now" → sleep → record_call stop → time-up goodbye → hangup: built and rendered once per config. */
function afterRecordingStarts(config: Config): CallflowAction {
  let chain = closingChains.get(config);
  if (chain === undefined) {
    const speech = speechOf(config);
    const hold = Math.max(1, config.maxRecordingSeconds - PROMPT_ALLOWANCE_SECONDS);
    const stop = callflow.recordCallStop(callflow.tts(PROMPTS.timeUp, speech, callflow.hangup()));
    closingChains.set(config, (chain = constantAction(callflow.tts(PROMPTS.speakNow, speech, callflow.sleep(hold, stop)))));
  }
  return chain;
}

/** `tts(text)` before `next`, or `next` alone when there is nothing to say. */
export function speakThen(context: Pick<CallContext, 'config'>, text: string, next: CallflowAction): CallflowAction {
  return text === '' ? next : callflow.tts(text, speechOf(context.config), next);
}

export function sayVerbs(context: Pick<CallContext, 'config'>, text: string): TwimlVerb[] {
  return text === '' ? [] : [twiml.say(text, speechOf(context.config))];
}

/**
 * The answer to a recording's action request: "Thank you. Your message has been recorded.
 * Goodbye.", then hang up. A built-in prompt of one piece, so `recordings` bundles no splitting.
 */
export function recordedFlow(config: Config, dialect: Flow['dialect']): Flow {
  const speech = speechOf(config);
  if (dialect === 'callflow') return { dialect, action: callflow.ttsPiece(RECORDED_PROMPT, speech, callflow.hangup()) };
  return { dialect, verbs: [twiml.sayPiece(RECORDED_PROMPT, speech), twiml.hangupVerb()] };
}

/** The answer to a completed call or a menu's hang-up: `text` (thank you, goodbye), then hang up. */
export function goodbyeFlow(context: Pick<CallContext, 'config' | 'dialect'>, text: string): Flow {
  if (context.dialect === 'callflow') return { dialect: 'callflow', action: speakThen(context, text, callflow.hangup()) };
  return { dialect: 'twiml', verbs: [...sayVerbs(context, text), twiml.hangupVerb()] };
}
