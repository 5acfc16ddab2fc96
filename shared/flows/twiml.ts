import { TWIML_LANGUAGES } from '../config/defaults.js';
import { count, element, escapeXml } from './render-twiml.js';
import type { Speech } from './speech.js';
import { spokenPieces } from './spoken-pieces.js';

/**
 * One of the TwiML verbs pivot-edge emits, all of them ones Kazoo's translator implements, with
 * its markup, written when the verb is made: a function then bundles the writing of only the
 * verbs it uses. Ringing and voicemail answer Callflow JSON in both dialects (a `<Dial>` that ends
 * busy hangs the caller up, and `<Record>` never uploads on Kazoo master), so neither is among them.
 */
export interface TwimlVerb {
  readonly verb: 'Say' | 'Gather' | 'Redirect' | 'Hangup' | 'Reject';
  readonly xml: string;
}

export function say(text: string, speech: Speech): TwimlVerb {
  // Kazoo cuts a <Say> at 4000 bytes, inside a character if need be: long text says in pieces.
  return { verb: 'Say', xml: spokenPieces(text).map((piece) => sayPiece(piece, speech).xml).join('') };
}

/** One `<Say>` for a text known to be a single piece (a built-in prompt, as `callflow.ttsPiece`). */
export function sayPiece(text: string, speech: Speech): TwimlVerb {
  const language = (TWIML_LANGUAGES as readonly string[]).includes(speech.language) ? speech.language : undefined;
  return { verb: 'Say', xml: element('Say', { voice: speech.voice, language }, escapeXml(text)) };
}

/** Collect digits while `prompt` plays (Kazoo only handles early key presses with a nested prompt). */
export function gather(action: string, numDigits: number, timeout: number, prompt: readonly TwimlVerb[]): TwimlVerb {
  const attributes = { action, numDigits: count(numDigits, 20), timeout: count(timeout, 3600) };
  return { verb: 'Gather', xml: element('Gather', attributes, prompt.map((verb) => verb.xml).join('')) };
}

export function redirect(url: string): TwimlVerb {
  return { verb: 'Redirect', xml: element('Redirect', {}, escapeXml(url)) };
}

/** Refuse the call unanswered: `busy` is SIP 486, `rejected` 503 (the only values Kazoo accepts). */
export function reject(reason: 'busy' | 'rejected'): TwimlVerb {
  return { verb: 'Reject', xml: element('Reject', { reason }) };
}

export function hangupVerb(): TwimlVerb {
  return { verb: 'Hangup', xml: '<Hangup/>' };
}
