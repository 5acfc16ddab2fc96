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
export function count(value: number, max: number): string {
  return String(Math.min(max, Math.max(1, Math.round(Number.isFinite(value) ? value : 1))));
}

/** An element with the attributes that are set (escaped) and, unless empty, its content (already XML). */
export function element(name: string, attributes: Readonly<Record<string, string | undefined>>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** A complete TwiML document with a `<Response>` root. */
export function renderTwiml(verbs: readonly TwimlVerb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.map((verb) => verb.xml).join('')}</Response>`;
}
