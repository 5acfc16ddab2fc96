import { TWIML_LANGUAGES } from '../config/defaults.js';
import { spokenPieces } from './spoken-pieces.js';
import type { TwimlVerb } from './twiml.js';

// XML 1.0 forbids most control characters; xmerl rejects the whole document on one of them.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The one place text becomes XML. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Kazoo rejects zero, negative and (for some verbs) oversized numbers: clamp rather than hang up. */
function count(value: number, max: number): string {
  return String(Math.min(max, Math.max(1, Math.round(Number.isFinite(value) ? value : 1))));
}

function element(name: string, attributes: Readonly<Record<string, string | undefined>>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

function renderVerb(verb: TwimlVerb): string {
  switch (verb.verb) {
    case 'Say': {
      const language = (TWIML_LANGUAGES as readonly string[]).includes(verb.speech.language) ? verb.speech.language : undefined;
      // Kazoo cuts a <Say> at 4000 bytes, inside a character if need be: long text says in pieces.
      return spokenPieces(verb.text).map((piece) => element('Say', { voice: verb.speech.voice, language }, escapeXml(piece))).join('');
    }
    case 'Gather': {
      const attributes = { action: verb.action, numDigits: count(verb.numDigits, 20), timeout: count(verb.timeout, 3600) };
      return element('Gather', attributes, verb.prompt.map(renderVerb).join(''));
    }
    case 'Redirect':
      return element('Redirect', {}, escapeXml(verb.url));
    case 'Hangup':
      return '<Hangup/>';
    case 'Reject':
      return element('Reject', { reason: verb.reason });
  }
}

/** A complete TwiML document with a `<Response>` root. */
export function renderTwiml(verbs: readonly TwimlVerb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.map(renderVerb).join('')}</Response>`;
}
