import type { Speech } from './speech.js';
import { callflowLanguage } from './speech.js';

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

/** Speak `text` (Kazoo's tts schema caps it at 1000 characters). */
export function tts(text: string, speech: Speech, next?: CallflowAction): CallflowAction {
  return action('tts', { text: text.slice(0, 1000), voice: speech.voice, language: callflowLanguage(speech.language) }, next);
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

/** Record the caller; Kazoo PUTs the file to `<url>/<CallId>.<format>` when it ends. */
export function recordCaller(url: string, format: 'mp3' | 'wav', timeLimit: number, next?: CallflowAction): CallflowAction {
  return action('record_caller', { url, format, method: 'put', time_limit: timeLimit }, next);
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
