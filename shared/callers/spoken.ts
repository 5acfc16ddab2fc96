// Control characters, lone surrogates (Kazoo's JSON decoder rejects them), private use, and the
// invisible format characters (bidi overrides, zero-width) nobody means to have spoken.
const UNSPEAKABLE = /[\p{Cc}\p{Cs}\p{Co}\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;

/** Text from outside made safe to speak: unspeakable characters dropped, whitespace collapsed, at most `max` code points. */
export function cleanText(raw: string, max: number): string {
  return cutCodePoints(raw.replace(UNSPEAKABLE, ' ').replace(/\s+/g, ' ').trim(), max);
}

/** At most `max` code points (never half a surrogate pair), backing off to a word boundary when one is near. */
export function cutCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  const cut = points.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return (space >= cut.length * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * A greeting with `{name}` filled in; without a name the placeholder goes, and so does the
 * punctuation it leaves behind ("Hello {name}, thanks" → "Hello, thanks").
 */
export function withCallerName(greeting: string, name: string | undefined): string {
  if (!greeting.includes('{name}')) return greeting;
  if (name !== undefined && name !== '') return greeting.replace(/\{name\}/g, () => name);
  const tidy = greeting
    .replace(/\{name\}/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.!?;:])/g, '$1')
    .replace(/[,;:]+(?=[.!?]|$)/g, '')
    .replace(/^[\s,.!?;:]+/, '')
    .trim();
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}

/**
 * `before`, a lookup's `say`, then `after`, as one text within Kazoo's tts cap of 1000 (counted in
 * UTF-16 units, so never more code points either): only `say` is cut to make room.
 */
export function withSay(before: string, say: string | undefined, after = '', max = 1000): string {
  const room = max - before.length - after.length - 2;
  let fitted = '';
  for (const point of say ?? '') {
    if (fitted.length + point.length > room) break;
    fitted += point;
  }
  return [before, fitted.trim(), after].filter((part) => part !== '').join(' ');
}
