import { describe, expect, it } from 'vitest';
import { cleanText, cutCodePoints, withCallerName, withSay } from '../../shared/callers/spoken.js';

/** No lone surrogate (what Kazoo's JSON decoder rejects). */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);

describe('spoken text from outside', () => {
  it('drops control characters, lone surrogates and invisible format characters, and collapses whitespace', () => {
    expect(cleanText('  Hello\u0000 \tSally\r\n\u202Egood\u200B day\uFEFF ', 100)).toBe('Hello Sally good day');
    expect(cleanText('a\uD800b\uDC00c', 100)).toBe('a b c');
    expect(cleanText('\u0007\u0008', 100)).toBe('');
  });

  it('keeps what can be spoken, astral characters included', () => {
    expect(cleanText('Zoë 😀 Ünal', 100)).toBe('Zoë 😀 Ünal');
  });

  it('cuts by code points, never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(10);
    expect(cutCodePoints(emoji, 3)).toBe('😀😀😀');
    expect(Array.from(cutCodePoints(emoji, 3))).toHaveLength(3);
    const cut = cleanText(`${'a'.repeat(9)}😀😀`, 10);
    expect(cut).toBe(`${'a'.repeat(9)}😀`);
    expect(wellFormed(cut)).toBe(true);
  });

  it('backs off to a word boundary near the end, so no half word is spoken', () => {
    expect(cutCodePoints('one two three four five', 20)).toBe('one two three four');
    expect(cutCodePoints('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij');
  });
});

describe('{name} in greetings', () => {
  it('fills in the name, also when it looks like a replacement pattern', () => {
    expect(withCallerName('Hello {name}, thanks for calling.', 'Sally')).toBe('Hello Sally, thanks for calling.');
    expect(withCallerName('Hello {name}.', "$' $& $1")).toBe("Hello $' $& $1.");
  });

  it('falls back to neutral words when the name is unknown', () => {
    expect(withCallerName('Hello {name}, thanks for calling.', undefined)).toBe('Hello, thanks for calling.');
    expect(withCallerName('Hello {name}.', undefined)).toBe('Hello.');
    expect(withCallerName('Hi, {name}! Welcome back.', '')).toBe('Hi! Welcome back.');
    expect(withCallerName('{name}, welcome to Acme.', undefined)).toBe('Welcome to Acme.');
    expect(withCallerName('Thank you for calling.', undefined)).toBe('Thank you for calling.');
  });
});

describe('withSay', () => {
  it('joins the greeting, the lookup say and what follows', () => {
    expect(withSay('Hello Sally.', 'Your balance is 5 dollars.')).toBe('Hello Sally. Your balance is 5 dollars.');
    expect(withSay('', 'Your balance is 5 dollars.', 'Press 1.')).toBe('Your balance is 5 dollars. Press 1.');
    expect(withSay('Hello.', undefined)).toBe('Hello.');
    expect(withSay('', undefined, '')).toBe('');
  });

  it('cuts only the say, so the whole stays within the tts cap (UTF-16 units, whole code points)', () => {
    const joined = withSay('a'.repeat(990), '😀'.repeat(20), 'b');
    expect(joined.length).toBeLessThanOrEqual(1000);
    expect(wellFormed(joined)).toBe(true);
    expect(joined.startsWith('a'.repeat(990))).toBe(true);
    expect(joined.endsWith(' b')).toBe(true);
    expect(withSay('x'.repeat(1000), 'never heard')).toBe('x'.repeat(1000));
  });
});
