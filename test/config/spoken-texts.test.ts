import { describe, expect, it } from 'vitest';
import { PROMPTS } from '../../shared/calls/context.js';
import { formatSpokenTexts } from '../../shared/calls/spoken-texts.js';
import { parseConfig } from '../../shared/config/index.js';

const OFFICE = {
  TIMEZONE: 'America/Chicago',
  BUSINESS_HOURS: 'Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-12:00; Dec 24 08:00-12:00 "Christmas Eve"; Dec 25 off "Christmas"; Jan 01 off "New Year\'s Day"',
  MENU: '1=device:a1b2c3d4e5f60718293a4b5c6d7e8f90 "Sales"; 9=voicemail',
};
// Tuesday 2026-12-01, 10:00 in Chicago: open, closing for lunch at noon.
const NOW = new Date('2026-12-01T10:00:00-06:00');

describe('check-config prints every text callers may hear, verbatim', () => {
  it('greetings with {reason} and {next_open} as they will sound, the menu prompts and the built-in prompts', () => {
    const printed = formatSpokenTexts(parseConfig({ ...OFFICE, GREETING_OPEN: 'none' }), NOW).split('\n');
    expect(printed.slice(0, 13).join('\n')).toBe(
      [
        'What callers hear (TTS_LANGUAGE=en, TTS_VOICE=female):',
        '  open greeting: (nothing: turned off)',
        '  closed greeting (from Tue 2026-12-01 12:00 CST): "Thank you for calling. We are closed right now. We reopen today at 1 PM. Please leave a message."',
        '  closed greeting on "Christmas Eve" (Thu 2026-12-24 12:00 CST): "Thank you for calling. Christmas Eve. We are closed right now. We reopen Saturday at 9 AM. Please leave a message."',
        '  closed greeting on "Christmas" (Fri 2026-12-25 12:00 CST): "Thank you for calling. Christmas. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message."',
        '  closed greeting on "New Year\'s Day" (Fri 2027-01-01 12:00 CST): "Thank you for calling. New Year\'s Day. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message."',
        '  menu prompt: "Press 1 for Sales. Press 9 to leave a message."',
        '  menu, no key pressed: "Sorry, we did not hear a choice. Press 1 for Sales. Press 9 to leave a message."',
        '  menu, a key that is not a choice: "Sorry, that is not one of the choices. Press 1 for Sales. Press 9 to leave a message."',
        '  menu, after the last try: "Sorry, we did not get a choice."',
        '  menu, before ringing: "Please hold while we connect you."',
        '  menu, before our own recording: "Please leave a message."',
        '  menu, hanging up: "Thank you for calling. Goodbye."',
      ].join('\n'),
    );
    // Then every built-in prompt, verbatim.
    expect(printed.slice(13)).toHaveLength(Object.keys(PROMPTS).length);
    for (const text of Object.values(PROMPTS)) expect(printed.slice(13).some((line) => line.endsWith(`: ${JSON.stringify(text)}`))).toBe(true);
    expect(printed).toContain('  nobody answers: "Sorry, nobody is available to take your call. Please leave a message."');
  });

  it('closed now, forced closed, a long greeting: says so', () => {
    const long = `${'Welcome to the office. '.repeat(60)}Please hold.`;
    const lines = formatSpokenTexts(parseConfig({ ...OFFICE, MENU: '', FORCE_STATE: 'closed', GREETING_OPEN: long, TTS_LANGUAGE: 'en-gb', TTS_VOICE: 'male' }), NOW).split('\n');
    expect(lines[0]).toBe('What callers hear (TTS_LANGUAGE=en-gb, TTS_VOICE=male):');
    expect(lines[1]).toBe(`  open greeting: ${JSON.stringify(long)} (over 1000 characters: said in 2 parts)`);
    expect(lines[2]).toBe('  closed greeting (now Tue 2026-12-01 10:00 CST): "Thank you for calling. We are closed right now. Please leave a message."');
    expect(lines.some((line) => line.includes('menu'))).toBe(false);
  });

  it('a broken TIMEZONE: the greeting without the parts that need the hours', () => {
    const lines = formatSpokenTexts(parseConfig({ TIMEZONE: 'Mars/Olympus' }), NOW).split('\n');
    expect(lines[2]).toBe('  closed greeting: "Thank you for calling. We are closed right now. Please leave a message."');
  });
});
