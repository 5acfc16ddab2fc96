// What a hostile or broken client puts in names and values, already percent-encoded where it
// travels in a URL or a form (`raw` pieces are sent exactly as written, escapes and all).
import type { Random } from './random.js';

/** Pieces of text, in the form they are sent: plain, escaped, and escapes that are not escapes. */
const PIECES = [
  'a', 'Z', '0', '9', '-', '_', '.', '~', '+', '*', '!', "'", '(', ')', '$', ',', ';', ':', '@', '/', '?',
  '%20', '%2B', '%26', '%3D', '%25', '%5B', '%5D', '%23', '%0A', '%0D', '%00', '%07', '%1B', '%7F',
  // UTF-8 that is fine, that is a surrogate (which Kazoo's JSON decoder refuses), and that is not UTF-8 at all.
  '%C3%A9', '%E2%80%AE', '%F0%9F%98%80', '%ED%A0%80', '%ED%B0%80', '%C0%AF', '%E9', '%F4%90%80%80', '%FF',
  // Escapes that are not.
  '%', '%z', '%zz', '%G1', '%4', '%%', '%-1',
  // Markup and templates our answers must escape or never interpret.
  '%3CSay%3E', '%3C%2FResponse%3E', '%22', '%26amp%3B', '%5D%5D%3E', '%7Bnext_open%7D', '%7Breason%7D',
  '[', ']', '[]', '][', '{', '}', '"', '<', '>', '|', '\\', '^', '`',
];

/** Parameter names Kazoo sends (both dialects), and the odd ones a broken client would. */
const NAMES = [
  'Call-ID', 'Caller-ID-Name', 'Caller-ID-Number', 'From', 'To', 'Request', 'Account-ID', 'Direction', 'Language',
  'Digits', 'Digits[menu]', 'Digits[default]', 'Digits[]', 'Custom-SIP-Headers[X-Foo]', 'Custom-Application-Vars[a]',
  'User-ID[]', 'CallSid', 'AccountSid', 'CallerName', 'CallerNumber', 'RecordingUrl', 'RecordingDuration',
  'CallStatus', 'DialCallStatus', 'attempt', 'input', 'step', 'token', '__proto__', '__proto__[polluted]',
  'constructor[prototype][polluted]', 'prototype', 'a[b]c', '[', ']', '[[', 'a[', 'a]', '=', '', 'Digits[menu][x]',
];

/** Random text of up to `max` pieces, as it travels (escaped). */
export function hostileText(random: Random, max = 24): string {
  return random.text(PIECES, random.between(0, max));
}

/** A parameter name: one Kazoo sends, one it never would, or noise. */
export function hostileName(random: Random): string {
  const roll = random.below(4);
  if (roll === 0) return random.pick(NAMES);
  if (roll === 1) return `${random.pick(NAMES)}${hostileText(random, 3)}`;
  if (roll === 2) return hostileText(random, 8);
  return `${random.pick(['a', 'Digits', 'Custom-SIP-Headers'])}${'['.repeat(random.below(3))}${hostileText(random, 2)}${']'.repeat(random.below(3))}`;
}

/** `count` pairs `name=value`, some without `=`, some empty (`&&`), joined by `&`. */
export function hostileQuery(random: Random, count: number): string {
  const pairs: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = random.below(10);
    if (roll === 0) pairs.push('');
    else if (roll === 1) pairs.push(hostileName(random));
    else pairs.push(`${hostileName(random)}=${hostileText(random)}`);
  }
  return pairs.join('&');
}

/** A name nested `depth` levels: `a[x][x]…`. */
export function deepName(depth: number): string {
  return `a${'[x]'.repeat(depth)}`;
}

/** JSON nested `depth` levels deep, objects or lists. */
export function deepJson(depth: number, lists: boolean): string {
  return lists ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** JSON a Pivot body could be that is not an object (or not JSON at all). */
export const NOT_OBJECTS = ['[]', '[1,2,3]', '"Call-ID"', '42', '-0.5e308', 'true', 'null', '', ' ', '{', '{"Call-ID":', '{"a":1}}', '\u0000{}', '{"a":"\\ud800"}', '[{"Call-ID":"x"}]', '{"__proto__":{"polluted":1}}'];

/** A JSON object with Kazoo's keys holding hostile values of every JSON type. */
export function hostileJsonObject(random: Random): string {
  const values = ['"x"', '""', '1', '1e999', 'null', 'true', '[]', '{}', '["1","2"]', '{"menu":"1"}', '"\\ud800"', '"\\u0000"', '"<Say>"', `"${'é'.repeat(50)}"`];
  const entries: string[] = [];
  for (let index = random.below(12); index > 0; index -= 1) entries.push(`${JSON.stringify(random.pick(NAMES))}:${random.pick(values)}`);
  return `{${entries.join(',')}}`;
}

/** Kazoo's first request, both dialects, as sent (pivot-protocol.md §1.2). */
export function kazooQuery(random: Random, dialect: 'kazoo' | 'twiml', extra: string): string {
  const callId = random.pick(['abc123%40192.168.1.2', `${random.between(1, 1e9)}-fuzz%40pbx`, 'c%5B1%5D%3Cx%3E']);
  const number = random.pick(['%2B14155550100', '100', '', 'anonymous', '%2B1%20(415)%20555']);
  const base =
    dialect === 'kazoo'
      ? `Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=${callId}&Caller-ID-Name=Alice+Smith&Caller-ID-Number=${number}&&&Direction=inbound&From=${number}&To=5000&Request=5000`
      : `CallSid=${callId}&AccountSid=4b8c0d0e0f101112131415161718191a&From=${number}&To=5000&ApiVersion=2010-04-01&Direction=inbound&CallerName=Alice+Smith&CallerNumber=${number}`;
  return extra === '' ? base : `${base}&${extra}`;
}
