import type { Speech } from './speech.js';

/** Who a `<Dial>` rings: plain number text, or a `<Number>`, `<Device>` or `<User>` noun. */
export type DialTarget =
  | { readonly noun: 'plain'; readonly number: string }
  | { readonly noun: 'Number'; readonly number: string }
  | { readonly noun: 'Device' | 'User'; readonly id: string };

/** The TwiML verbs pivot-edge emits; all of them are ones Kazoo's translator implements. */
export type TwimlVerb =
  | { readonly verb: 'Say'; readonly text: string; readonly speech: Speech }
  | { readonly verb: 'Dial'; readonly target: DialTarget; readonly action?: string; readonly timeout: number }
  | { readonly verb: 'Record'; readonly action: string; readonly maxLength: number; readonly timeout: number }
  | { readonly verb: 'Gather'; readonly action: string; readonly numDigits: number; readonly timeout: number; readonly prompt: readonly TwimlVerb[] }
  | { readonly verb: 'Redirect'; readonly url: string }
  | { readonly verb: 'Pause'; readonly length: number }
  | { readonly verb: 'Hangup' }
  | { readonly verb: 'Reject'; readonly reason: 'busy' | 'rejected' };

export function say(text: string, speech: Speech): TwimlVerb {
  return { verb: 'Say', text, speech };
}

/** Ring `target` for `timeout` seconds; with `action`, Kazoo then requests it with `DialCallStatus`. */
export function dial(target: DialTarget, timeout: number, action?: string): TwimlVerb {
  return action === undefined ? { verb: 'Dial', target, timeout } : { verb: 'Dial', target, timeout, action };
}

/** Record after a beep; the file is PUT to `<action>/call_recording_<CallId>.mp3`, then `action` is requested. */
export function record(action: string, maxLength: number, silenceTimeout = 5): TwimlVerb {
  return { verb: 'Record', action, maxLength, timeout: silenceTimeout };
}

/** Collect digits while `prompt` plays (Kazoo only handles early key presses with a nested prompt). */
export function gather(action: string, numDigits: number, timeout: number, prompt: readonly TwimlVerb[]): TwimlVerb {
  return { verb: 'Gather', action, numDigits, timeout, prompt };
}

export function redirect(url: string): TwimlVerb {
  return { verb: 'Redirect', url };
}

export function pause(length: number): TwimlVerb {
  return { verb: 'Pause', length };
}

/** Refuse the call unanswered: `busy` is SIP 486, `rejected` 503 (the only values Kazoo accepts). */
export function reject(reason: 'busy' | 'rejected'): TwimlVerb {
  return { verb: 'Reject', reason };
}

export function hangupVerb(): TwimlVerb {
  return { verb: 'Hangup' };
}
