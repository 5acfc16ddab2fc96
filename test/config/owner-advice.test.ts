import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../shared/config/index.js';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const zoneOf = (name: string) => {
  const config = parseConfig({ TIMEZONE: name, PIVOT_TOKEN: 't', FRONT_DESK_DEVICE_ID: DEVICE });
  return { zone: config.timeZone, warnings: config.warnings, problems: config.problems.map((problem) => problem.message) };
};

describe('TIMEZONE: fixed offsets and abbreviations are named, unknown names get the nearest zones', () => {
  it.each([
    ['EST', 'TIMEZONE: "EST" is a legacy name for a fixed offset (UTC-05:00 all year, no daylight saving time); did you mean America/New_York?'],
    [
      'MST',
      'TIMEZONE: "MST" is a legacy name for a fixed offset (UTC-07:00 all year, no daylight saving time); did you mean America/Denver (or America/Phoenix, which keeps standard time all year)?',
    ],
    ['HST', 'TIMEZONE: "HST" is a legacy name; did you mean Pacific/Honolulu?'],
    ['EST5EDT', 'TIMEZONE: "EST5EDT" is a legacy name; did you mean America/New_York?'],
    ['PST8PDT', 'TIMEZONE: "PST8PDT" is a legacy name; did you mean America/Los_Angeles?'],
    ['Etc/GMT+5', 'TIMEZONE: "Etc/GMT+5" is a fixed offset (Etc/GMT names invert the sign): UTC-05:00 all year, no daylight saving time; did you mean America/New_York?'],
    ['Etc/GMT-1', 'TIMEZONE: "Etc/GMT-1" is a fixed offset (Etc/GMT names invert the sign): UTC+01:00 all year, no daylight saving time; did you mean Europe/Berlin?'],
    ['GMT', 'TIMEZONE: "GMT" is a legacy name for a fixed offset (UTC+00:00 all year, no daylight saving time); did you mean Europe/London?'],
  ])('%s is accepted with a warning', (name, warning) => {
    const { zone, warnings, problems } = zoneOf(name);
    expect(problems).toEqual([]);
    expect(zone).toBeTypeOf('string');
    expect(warnings).toEqual([warning]);
  });

  it.each([
    ['UTC-6', 'TIMEZONE: "UTC-6" is a fixed UTC offset, not a zone; did you mean America/Chicago?'],
    ['GMT-8', 'TIMEZONE: "GMT-8" is a fixed UTC offset, not a zone; did you mean America/Los_Angeles?'],
    ['-05:00', 'TIMEZONE: "-05:00" is a fixed UTC offset, not a zone; did you mean America/New_York?'],
    ['UTC+5:30', 'TIMEZONE: "UTC+5:30" is a fixed UTC offset, not a zone; write the IANA zone of the business\'s city, like Europe/Berlin'],
    ['CDT', 'TIMEZONE: "CDT" is an abbreviation, not a zone; did you mean America/Chicago?'],
    ['America/New_Yrok', 'TIMEZONE: expected an IANA zone like America/New_York, found "America/New_Yrok"; did you mean America/New_York?'],
    ['Chicago', 'TIMEZONE: expected an IANA zone like America/New_York, found "Chicago"; did you mean America/Chicago?'],
    ['new york', 'TIMEZONE: expected an IANA zone like America/New_York, found "new york"; did you mean America/New_York?'],
    ['Europe/Londn', 'TIMEZONE: expected an IANA zone like America/New_York, found "Europe/Londn"; did you mean Europe/London?'],
    ['Mars/Olympus', 'TIMEZONE: expected an IANA zone like America/New_York, found "Mars/Olympus"'],
  ])('%s is a problem with a suggestion', (name, problem) => {
    const { zone, problems } = zoneOf(name);
    expect(zone).toBeUndefined();
    expect(problems).toEqual([problem]);
  });

  it.each(['America/New_York', 'America/Phoenix', 'Pacific/Honolulu', 'UTC', 'Europe/London', 'US/Eastern'])('%s: no warning', (name) => {
    expect(zoneOf(name)).toMatchObject({ problems: [], warnings: [] });
  });

  it('the request path reads the same zone without the advice (it stays out of the Worker bundles)', () => {
    const env = { TIMEZONE: 'EST', PIVOT_TOKEN: 't', FRONT_DESK_DEVICE_ID: DEVICE };
    expect(loadConfig(env).timeZone).toBe(parseConfig(env).timeZone);
    expect(loadConfig(env).warnings).toEqual([]);
    expect(loadConfig({ TIMEZONE: 'UTC-6' }).problems.map((problem) => problem.message)).toEqual([
      'TIMEZONE: expected an IANA zone like America/New_York, found "UTC-6"',
    ]);
  });
});

describe('MENU: the generated prompt names what each key does', () => {
  const menu = (value: string) => parseConfig({ TIMEZONE: 'UTC', PIVOT_TOKEN: 't', MENU: value });

  it('two boxes without names are said together, and the owner is told to name them', () => {
    const config = menu(`5=voicemail; 6=voicemail:${DEVICE}; 0=front-desk`);
    expect(config.menu?.prompt).toBe('Press 5 or 6 to leave a message. Press 0 for the front desk.');
    expect(config.warnings).toContain(
      'MENU: keys 5 and 6 both say "to leave a message" in the spoken menu, so callers cannot tell them apart; name each one after its target, e.g. 5=<target> "Sales", or write MENU_PROMPT',
    );
  });

  it('a name in quotes after the target is what the prompt says', () => {
    const config = menu(`1=device:${DEVICE} "Sales"; 2=user:${DEVICE} "Support"; 5=voicemail "Sales"; 6=voicemail:${DEVICE} "the billing office"; 0=front-desk "Reception"; *=hangup`);
    expect(config.menu?.prompt).toBe(
      'Press 1 for Sales. Press 2 for Support. Press 5 to leave a message for Sales. Press 6 to leave a message for the billing office. Press 0 for Reception. Press star to end this call.',
    );
    expect([...(config.menu?.entries ?? [])]).toEqual([
      ['1', { kind: 'device', id: DEVICE }],
      ['2', { kind: 'user', id: DEVICE }],
      ['5', { kind: 'voicemail' }],
      ['6', { kind: 'voicemail', boxId: DEVICE }],
      ['0', { kind: 'front-desk' }],
      ['*', { kind: 'hangup' }],
    ]);
    expect(config.warnings.filter((warning) => warning.startsWith('MENU'))).toEqual([]);
  });

  it('MENU_PROMPT, when written, is spoken as is and nothing is warned', () => {
    const config = parseConfig({ TIMEZONE: 'UTC', MENU: '5=voicemail; 6=voicemail', MENU_PROMPT: 'Press 5 for Ann, 6 for Bob.' });
    expect(config.menu?.prompt).toBe('Press 5 for Ann, 6 for Bob.');
    expect(config.warnings.filter((warning) => warning.startsWith('MENU'))).toEqual([]);
  });

  it('an unfinished name is an error naming the entry', () => {
    expect(menu(`1=device:${DEVICE} "`).problems.map((problem) => problem.message)).toEqual([
      `MENU: entry "1=device:${DEVICE} "" at position 0: expected a name between two quotes after the target, like 1=device:ID "Sales"`,
    ]);
  });
});

describe('limits that mean the same in both dialects', () => {
  it('MAX_RECORDING_SECONDS: 5 to 10800 (record_call in both dialects), with the reason', () => {
    expect(parseConfig({ TIMEZONE: 'UTC', MAX_RECORDING_SECONDS: '10800' }).maxRecordingSeconds).toBe(10800);
    const tooLong = parseConfig({ TIMEZONE: 'UTC', MAX_RECORDING_SECONDS: '10801' });
    expect(tooLong.problems.map((problem) => problem.message)).toEqual([
      'MAX_RECORDING_SECONDS: expected a whole number from 5 to 10800 (three hours, Kazoo\'s own limit for a recording), found "10801"',
    ]);
    expect(tooLong.maxRecordingSeconds).toBe(300);
  });

  it('TTS_LANGUAGE other than English: a warning that flite reads with an English voice', () => {
    const warning =
      "TTS_LANGUAGE=es: Kazoo's default speech engine (flite) ignores the language and reads with an English voice, unless your platform has another engine set up (ask your provider); the built-in prompts and default greetings are English";
    expect(parseConfig({ TIMEZONE: 'UTC', TTS_LANGUAGE: 'es' }).warnings).toContain(warning);
    for (const language of ['en', 'en-gb', 'en-US']) {
      expect(parseConfig({ TIMEZONE: 'UTC', TTS_LANGUAGE: language }).warnings.filter((found) => found.startsWith('TTS_LANGUAGE'))).toEqual([]);
    }
  });
});
