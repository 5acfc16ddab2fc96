import type { Speech } from './speech.js';
import { callflowLanguage } from './speech.js';
import { spokenPieces } from './spoken-pieces.js';

/** One Callflow JSON action, exactly as Kazoo Pivot takes it (bare, not wrapped in `flow`). */
export interface CallflowAction {
  readonly module: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly children: Readonly<Record<string, CallflowAction>>;
}

/** `next` becomes the `_` child: what runs when this action finishes or fails. */
function action(module: string, data: Record<string, unknown>, next?: CallflowAction): CallflowAction {
  return { module, data, children: next === undefined ? {} : { _: next } };
}

/**
 * Speak `text`. Kazoo's tts schema takes at most 1000 characters per node, so longer text becomes
 * consecutive tts nodes, split between sentences or words (see `spokenPieces`); nothing is dropped.
 */
export function tts(text: string, speech: Speech, next?: CallflowAction): CallflowAction {
  const pieces = spokenPieces(text);
  let node = next;
  for (let i = pieces.length - 1; i >= 0; i--) node = ttsPiece(pieces[i] ?? '', speech, node);
  return node ?? ttsPiece(text, speech, next);
}

/**
 * One `tts` node for a text known to be a single piece (a built-in prompt; a test checks each with
 * `spokenPieces`): a function that speaks only such texts bundles no splitting.
 */
export function ttsPiece(text: string, speech: Speech, next?: CallflowAction): CallflowAction {
  return action('tts', { text, voice: speech.voice, language: callflowLanguage(speech.language) }, next);
}

/** Ring a Kazoo device for `timeout` seconds; `next` runs when nobody answers. */
export function device(id: string, timeout: number, next?: CallflowAction): CallflowAction {
  return action('device', { id, timeout }, next);
}

/** Ring all of a Kazoo user's devices for `timeout` seconds. */
export function user(id: string, timeout: number, next?: CallflowAction): CallflowAction {
  return action('user', { id, timeout }, next);
}

/** Dial a number through the account's carrier resources. */
export function resources(toDid: string, timeout: number, next?: CallflowAction): CallflowAction {
  return action('resources', { to_did: toDid, timeout }, next);
}

/** Leave a message in a Kazoo voicemail box. */
export function voicemail(boxId: string): CallflowAction {
  return action('voicemail', { id: boxId, action: 'compose' });
}

export interface RecordCallOptions {
  /** Where Kazoo sends the file when the recording stops (protocol §5.2: query-aware naming). */
  readonly url: string;
  readonly format: 'mp3' | 'wav';
  /** Seconds after which the switch stops the recording by itself (schema: 5-10800). */
  readonly timeLimit: number;
  /** Recordings shorter than this are dropped by switches that honour it. */
  readonly minSeconds: number;
}

/** Start recording the call; the file is uploaded when it stops (stop, time limit or hang-up). */
export function recordCallStart(options: RecordCallOptions, next?: CallflowAction): CallflowAction {
  const data = { action: 'start', url: options.url, format: options.format, method: 'put', time_limit: options.timeLimit, record_min_sec: options.minSeconds };
  return action('record_call', data, next);
}

/** Stop the recording started by `recordCallStart` (harmless when it already stopped). */
export function recordCallStop(next?: CallflowAction): CallflowAction {
  return action('record_call', { action: 'stop' }, next);
}

/** Hold the line in silence for `seconds`; a hang-up ends the flow, key presses do not. */
export function sleep(seconds: number, next?: CallflowAction): CallflowAction {
  return action('sleep', { duration: seconds, unit: 's' }, next);
}

export interface CollectOptions {
  readonly collectionName: string;
  readonly maxDigits: number;
  /** Milliseconds to wait for the first digit. */
  readonly timeoutMs: number;
}

/** Collect digits into `Digits[collectionName]` of the next pivot request. */
export function collectDtmf(options: CollectOptions, next?: CallflowAction): CallflowAction {
  const data = { collection_name: options.collectionName, max_digits: options.maxDigits, timeout: options.timeoutMs, terminators: ['#'] };
  return action('collect_dtmf', data, next);
}

/** Hand the call back to a Pivot endpoint (GET, kazoo names); `next` runs if it cannot answer. */
export function pivot(voiceUrl: string, next?: CallflowAction): CallflowAction {
  return action('pivot', { voice_url: voiceUrl, method: 'get', req_format: 'kazoo' }, next);
}

/** Refuse the call with a SIP code (486: busy) without answering it. */
export function response(code: number): CallflowAction {
  return action('response', { code });
}

export function hangup(): CallflowAction {
  return action('hangup', {});
}
