import type { Speech } from './speech.js';

/**
 * The TwiML verbs pivot-edge emits; all of them are ones Kazoo's translator implements. Ringing and
 * voicemail answer Callflow JSON in both dialects (a `<Dial>` that ends busy hangs the caller up,
 * and `<Record>` never uploads on Kazoo master), so neither `<Dial>` nor `<Record>` is among them.
 */
export type TwimlVerb =
  | { readonly verb: 'Say'; readonly text: string; readonly speech: Speech }
  | { readonly verb: 'Gather'; readonly action: string; readonly numDigits: number; readonly timeout: number; readonly prompt: readonly TwimlVerb[] }
  | { readonly verb: 'Redirect'; readonly url: string }
  | { readonly verb: 'Hangup' }
  | { readonly verb: 'Reject'; readonly reason: 'busy' | 'rejected' };

export function say(text: string, speech: Speech): TwimlVerb {
  return { verb: 'Say', text, speech };
}

/** Collect digits while `prompt` plays (Kazoo only handles early key presses with a nested prompt). */
export function gather(action: string, numDigits: number, timeout: number, prompt: readonly TwimlVerb[]): TwimlVerb {
  return { verb: 'Gather', action, numDigits, timeout, prompt };
}

export function redirect(url: string): TwimlVerb {
  return { verb: 'Redirect', url };
}

/** Refuse the call unanswered: `busy` is SIP 486, `rejected` 503 (the only values Kazoo accepts). */
export function reject(reason: 'busy' | 'rejected'): TwimlVerb {
  return { verb: 'Reject', reason };
}

export function hangupVerb(): TwimlVerb {
  return { verb: 'Hangup' };
}
