// The Intl features speech and zone advice lean on (Segmenter, supportedValuesOf, longOffset,
// legacy zone names) behave inside workerd as they do on Node.
import { describe, expect, it } from 'vitest';
import { adviseTimeZone } from '../../shared/config/zone-advice.js';
import { callflow } from '../../shared/flows/index.js';
import { spokenPieces } from '../../shared/flows/spoken-pieces.js';
import { nextOpening, parseHours, spokenNextOpen } from '../../shared/hours/index.js';

describe('speech inside workerd', () => {
  it('cuts between graphemes and sentences, as on Node', () => {
    const text = `${'a'.repeat(997)}👩‍👩‍👧 and more. ${'我们今天关门了。'.repeat(150)}`;
    const pieces = spokenPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('a'.repeat(997));
    expect(pieces.every((piece) => [...piece].length <= 1000)).toBe(true);
    expect(pieces.slice(1, -1).every((piece) => piece.endsWith('。'))).toBe(true);
    expect(JSON.parse(JSON.stringify(callflow.tts(text, { voice: 'female', language: 'en' })))).toMatchObject({ module: 'tts', children: { _: { module: 'tts' } } });
  });

  it('says the next opening across a DST weekend', () => {
    const schedule = parseHours('Mo-Fr 08:00-17:00; Sa 09:00-12:00');
    const now = new Date('2026-03-07T12:30:00-06:00');
    const opening = nextOpening(schedule, 'America/Chicago', now);
    expect(opening?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(spokenNextOpen(opening, now, 'America/Chicago', 'en')).toBe('Monday at 8 AM');
  });

  it('names fixed offsets and suggests zones', () => {
    expect(adviseTimeZone('EST').warning).toBe('"EST" is a legacy name for a fixed offset (UTC-05:00 all year, no daylight saving time); did you mean America/New_York?');
    expect(adviseTimeZone('UTC-6').problem).toBe('"UTC-6" is a fixed UTC offset, not a zone; did you mean America/Chicago?');
    expect(adviseTimeZone('America/New_Yrok').problem).toBe('expected an IANA zone like America/New_York, found "America/New_Yrok"; did you mean America/New_York?');
  });
});
