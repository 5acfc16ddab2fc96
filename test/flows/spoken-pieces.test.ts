import { describe, expect, it } from 'vitest';
import { callflow, renderTwiml, twiml, type CallflowAction } from '../../shared/flows/index.js';
import { PROMPTS } from '../../shared/calls/context.js';
import { MAX_SPOKEN_CHARACTERS, spokenPieces } from '../../shared/flows/spoken-pieces.js';
import { callflowProblems, kazooSchemasPresent } from '../support/kazoo-schemas.js';
import { twimlProblems } from '../support/twiml-check.js';
import { parseXml, type XmlElement } from '../../tools/kazoo/xml.js';

const speech = { voice: 'female', language: 'en' } as const;
const codePoints = (text: string): number => [...text].length;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Text whose 1000th code point falls inside a character that is more than one code point.
const FAMILY = '👩‍👩‍👧'; // woman, ZWJ, woman, ZWJ, girl: 5 code points, one grapheme
const FLAG = '🇫🇷'; // two regional indicators
const ACCENTED = 'e\u0301'; // e + combining acute accent
const cases: readonly (readonly [name: string, text: string])[] = [
  ['a ZWJ emoji across the boundary', `${'a'.repeat(997)}${FAMILY} and more words after it.`],
  ['a flag across the boundary', `${'b'.repeat(999)}${FLAG} vive la France.`],
  ['a combining accent across the boundary', `${'c'.repeat(999)}${ACCENTED}tait ici.`],
  ['CJK sentences across the boundary', '我们今天关门了，明天上午九点再开门。'.repeat(80)],
  ['CJK without punctuation', '我们今天关门明天上午九点再开门'.repeat(90)],
  ['sentences', 'Thank you for calling the dental office. '.repeat(60)],
  ['one long sentence of words', `${'word '.repeat(450)}end`],
  ['one grapheme longer than a node takes', `a${'\u0301'.repeat(1500)} then text`],
  ['emoji only', '😀'.repeat(2500)],
  ['exactly the limit', 'x'.repeat(MAX_SPOKEN_CHARACTERS)],
];

function assertPieces(text: string, pieces: readonly string[]): void {
  expect(pieces.join('')).toBe(text);
  for (const piece of pieces) {
    expect(codePoints(piece)).toBeLessThanOrEqual(MAX_SPOKEN_CHARACTERS);
    expect(piece.length).toBeGreaterThan(0);
    expect(LONE_SURROGATE.test(piece)).toBe(false);
    expect(JSON.parse(JSON.stringify(piece))).toBe(piece);
    expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(4000);
  }
}

/** The tts nodes of a chain, first to last. */
function ttsChain(action: CallflowAction): CallflowAction[] {
  const nodes: CallflowAction[] = [];
  for (let node: CallflowAction | undefined = action; node?.module === 'tts'; node = node.children['_']) nodes.push(node);
  return nodes;
}

describe('spoken text is cut by characters, at sentences or words, and nothing is dropped', () => {
  it.each(cases)('%s', (_, text) => {
    const pieces = spokenPieces(text);
    assertPieces(text, pieces);
    expect(pieces.length).toBeLessThanOrEqual(Math.ceil(codePoints(text) / MAX_SPOKEN_CHARACTERS) + 1);
  });

  it('never ends a piece inside an emoji, a flag or an accented letter', () => {
    expect(spokenPieces(cases[0]?.[1] ?? '')[0]).toBe('a'.repeat(997));
    expect(spokenPieces(cases[1]?.[1] ?? '')[0]).toBe('b'.repeat(999));
    expect(spokenPieces(cases[2]?.[1] ?? '')[0]).toBe('c'.repeat(999));
  });

  it('ends pieces after a sentence when one fits, else between words', () => {
    for (const piece of spokenPieces(cases[5]?.[1] ?? '').slice(0, -1)) expect(piece).toMatch(/office\. $/);
    for (const piece of spokenPieces(cases[3]?.[1] ?? '').slice(0, -1)) expect(piece).toMatch(/。$/);
    const words = spokenPieces(cases[6]?.[1] ?? '');
    expect(words.length).toBe(3);
    for (const [i, piece] of words.slice(0, -1).entries()) expect(piece.endsWith(' ') || words[i + 1]?.startsWith(' ')).toBe(true);
  });

  it('cuts a single grapheme longer than a node between code points, never between surrogates', () => {
    const pieces = spokenPieces(cases[7]?.[1] ?? '');
    expect(pieces.map(codePoints)).toEqual([1000, 501 + ' then text'.length]);
    const emoji = spokenPieces(cases[8]?.[1] ?? '');
    expect(emoji.map(codePoints)).toEqual([1000, 1000, 500]);
  });

  it('short text is one piece; a lone surrogate becomes U+FFFD; whitespace-only pieces are left out', () => {
    expect(spokenPieces('Hello.')).toEqual(['Hello.']);
    expect(spokenPieces('a\uD800b\uDC00c😀')).toEqual(['a\uFFFDb\uFFFDc😀']);
    expect(spokenPieces(`Hi.${' '.repeat(2500)}Bye.`)).toEqual(['Hi.', `${' '.repeat(500)}Bye.`]);
  });
});

describe('both dialects say long text in consecutive pieces Kazoo accepts', () => {
  it.each(cases)('Callflow JSON: %s', (_, text) => {
    const action = callflow.tts(text, speech, callflow.hangup());
    const nodes = ttsChain(action);
    expect(nodes.map((node) => node.data['text']).join('')).toBe(text);
    expect(nodes.every((node) => node.data['voice'] === 'female' && node.data['language'] === 'en-US')).toBe(true);
    expect(nodes.at(-1)?.children['_']).toEqual(callflow.hangup());
    const json = JSON.stringify(action);
    expect(LONE_SURROGATE.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(action);
    if (kazooSchemasPresent) expect(callflowProblems(JSON.parse(json))).toEqual([]);
  });

  it.each(cases)('TwiML: %s', (_, text) => {
    const xml = renderTwiml([twiml.gather('https://h/gathered', 1, 5, [twiml.say(text, speech)]), twiml.say(text, speech)]);
    expect(twimlProblems(xml)).toEqual([]);
    const [gather, ...says] = parseXml(xml).children as XmlElement[];
    for (const group of [(gather?.children ?? []) as XmlElement[], says]) {
      expect(group.every((say) => say.name === 'Say' && say.attributes['voice'] === 'female' && say.attributes['language'] === 'en')).toBe(true);
      expect(group.map((say) => say.children.join('')).join('')).toBe(text);
      expect(group.length).toBe(spokenPieces(text).length);
    }
  });
});

describe('built-in prompts', () => {
  // callflow.ttsPiece / twiml.sayPiece speak them without splitting (recordings' goodbye).
  it.each(Object.entries(PROMPTS))('%s is one piece, as it is', (_key, text) => {
    expect(spokenPieces(text)).toEqual([text]);
  });
});
