import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../shared/config/index.js';

const DEVICE = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const messages = (env: Record<string, string>) => parseConfig(env).problems.map((problem) => problem.message);
const menuMessages = (menu: string) => messages({ TIMEZONE: 'UTC', MENU: menu });

describe('config', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({ TIMEZONE: 'America/New_York' });
    expect(config).toMatchObject({
      timeZone: 'America/New_York',
      forceState: 'auto',
      responseFormat: 'callflow',
      ringTimeout: 20,
      voice: 'female',
      language: 'en',
      recordingFormat: 'mp3',
      maxRecordingSeconds: 300,
      maxRecordingBytes: 50 * 1024 * 1024,
      recordingsDir: './data/recordings',
      port: 8787,
      problems: [],
    });
    expect(config.hours?.source).toBe('Mo-Fr 09:00-17:00');
    expect(config.warnings).toEqual([
      'PIVOT_TOKEN is unset: any caller of these URLs is answered',
      'no FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID, FRONT_DESK_NUMBER or MENU: open-hours calls get the fallback (voicemail)',
    ]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('is parsed once per env object', () => {
    const env = { TIMEZONE: 'UTC' };
    expect(loadConfig(env)).toBe(loadConfig(env));
    expect(loadConfig({ ...env })).not.toBe(loadConfig(env));
  });

  it('names the variable and what was expected for each bad value', () => {
    expect(
      messages({
        TIMEZONE: 'Mars/Olympus',
        FORCE_STATE: 'maybe',
        RESPONSE_FORMAT: 'xml',
        RING_TIMEOUT: '2',
        VOICEMAIL_BOX_ID: 'box-1',
        TTS_VOICE: 'alice',
        TTS_LANGUAGE: 'pt-br',
        PUBLIC_BASE_URL: '/relative',
        RECORDING_FORMAT: 'ogg',
        MAX_RECORDING_MB: '0',
        NOTIFY_WEBHOOK_URL: 'hooks.slack.com',
        PORT: '99999',
      }),
    ).toEqual([
      'TIMEZONE: expected an IANA zone like America/New_York, found "Mars/Olympus"',
      'NOTIFY_WEBHOOK_URL: expected an absolute http:// or https:// URL (not quoted: it may hold a secret)',
      'FORCE_STATE: expected one of auto, open, closed, found "maybe"',
      'RESPONSE_FORMAT: expected one of callflow, twiml, auto, found "xml"',
      'RING_TIMEOUT: expected a whole number from 5 to 600, found "2"',
      'VOICEMAIL_BOX_ID: expected a Kazoo id of 32 hex characters, found "box-1"',
      'RECORDING_FORMAT: expected one of mp3, wav, found "ogg"',
      'TTS_VOICE: expected one of female, male, found "alice"',
      'TTS_LANGUAGE: expected one of en, en-gb, es, fr, de, it, found "pt-br"',
      'PUBLIC_BASE_URL: expected an absolute http:// or https:// URL, found "/relative"',
      'MAX_RECORDING_MB: expected a whole number from 1 to 4096, found "0"',
      'PORT: expected a whole number from 1 to 65535, found "99999"',
    ]);
  });

  it('requires TIMEZONE and reports a bad BUSINESS_HOURS with its position', () => {
    expect(messages({})).toEqual(['TIMEZONE: required: an IANA zone like America/New_York']);
    const [hoursProblem] = messages({ TIMEZONE: 'UTC', BUSINESS_HOURS: 'Mo-Fr 9-5' });
    expect(hoursProblem).toMatch(/^BUSINESS_HOURS: .*position 6/);
  });

  it('reads the front desk target, normalising ids and numbers', () => {
    expect(parseConfig({ FRONT_DESK_DEVICE_ID: DEVICE }).frontDesk).toEqual({ kind: 'device', id: DEVICE.toLowerCase() });
    expect(parseConfig({ FRONT_DESK_NUMBER: '+1 (555) 123-4567' }).frontDesk).toEqual({ kind: 'number', number: '+15551234567' });
    const both = parseConfig({ FRONT_DESK_USER_ID: DEVICE, FRONT_DESK_NUMBER: '+15551234567' });
    expect(both.frontDesk).toEqual({ kind: 'user', id: DEVICE.toLowerCase() });
    expect(both.warnings.join('\n')).toContain('more than one is set');
    expect(messages({ FRONT_DESK_NUMBER: 'front desk' })).toContain('FRONT_DESK_NUMBER: expected a phone number like +15551234567, found "front desk"');
  });

  it('warns when a URL variable points where Kazoo refuses to go', () => {
    expect(parseConfig({ PUBLIC_BASE_URL: 'http://localhost:8787' }).warnings).toContain(
      'PUBLIC_BASE_URL: Kazoo refuses URLs on localhost; use an address Kazoo can reach',
    );
  });

  it('normalises TTS_LANGUAGE to what TwiML accepts', () => {
    expect(parseConfig({ TTS_LANGUAGE: 'en-US' }).language).toBe('en');
    expect(parseConfig({ TTS_LANGUAGE: 'EN_GB' }).language).toBe('en-gb');
    expect(parseConfig({ TTS_LANGUAGE: 'fr' }).language).toBe('fr');
  });

  it('reads tokens, retention and the notify webhook', () => {
    const env = { FRONT_DESK_NUMBER: '+15551234567', PIVOT_TOKEN: 'p', ADMIN_TOKEN: 'a', RETENTION_DAYS: '30', NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/x/', NOTIFY_FORMAT: 'slack' };
    const config = parseConfig({ ...env, PUBLIC_BASE_URL: 'https://pivot.example.com' });
    expect(config).toMatchObject({ pivotToken: 'p', adminToken: 'a', retentionDays: 30, notify: { url: 'https://hooks.example.com/x', format: 'slack' } });
    expect(config.warnings).toEqual([]);
    // Notices link only to configured URLs: without one, the owner is told at start.
    expect(parseConfig(env).warnings).toEqual(['NOTIFY_WEBHOOK_URL without PUBLIC_BASE_URL or RECORDINGS_URL: notices cannot link to the message']);
    expect(parseConfig({ ...env, RECORDINGS_URL: 'https://rec.example.com' }).warnings).toEqual([]);
    // Advice is for the owner (start-up, check-config): the functions answering calls read none of it.
    const advised = { TIMEZONE: 'UTC', FRONT_DESK_NUMBER: '+15551234567', TTS_LANGUAGE: 'es', PUBLIC_BASE_URL: 'http://localhost:8787', NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/x' };
    expect(parseConfig(advised).warnings).toEqual([
      'PIVOT_TOKEN is unset: any caller of these URLs is answered',
      'PUBLIC_BASE_URL: Kazoo refuses URLs on localhost; use an address Kazoo can reach',
      expect.stringMatching(/^TTS_LANGUAGE=es: Kazoo's default speech engine/),
    ]);
    expect(loadConfig(advised).warnings).toEqual([]);
    expect(loadConfig(advised).language).toBe('es');
    expect(parseConfig({}).retentionDays).toBeUndefined();
  });
});

describe('MENU', () => {
  const menu = (value: string) => parseConfig({ MENU: value }).menu;

  it('parses every target type and builds a default prompt', () => {
    const parsed = menu(`1=device:${DEVICE}; 2=user:${DEVICE}; 3=number:+15551234567; 8=voicemail:${DEVICE}; 9=voicemail; 0=front-desk; *=hangup`);
    expect([...(parsed?.entries ?? [])]).toEqual([
      ['1', { kind: 'device', id: DEVICE.toLowerCase() }],
      ['2', { kind: 'user', id: DEVICE.toLowerCase() }],
      ['3', { kind: 'number', number: '+15551234567' }],
      ['8', { kind: 'voicemail', boxId: DEVICE.toLowerCase() }],
      ['9', { kind: 'voicemail' }],
      ['0', { kind: 'front-desk' }],
      ['*', { kind: 'hangup' }],
    ]);
    expect(parsed?.prompt).toBe(
      'Press 1, 2 or 3 to speak to someone. Press 8 or 9 to leave a message. Press 0 for the front desk. Press star to end this call.',
    );
    expect(parsed?.retries).toBe(2);
  });

  it('names the entry and its position on errors', () => {
    expect(menuMessages('1=front-desk; 2=sales')).toEqual([
      'MENU: entry "2=sales" at position 14: expected device:ID, user:ID, number:+1..., voicemail, voicemail:BOXID, front-desk or hangup, found "sales"',
    ]);
    expect(menuMessages('1=front-desk;x=hangup')).toEqual(['MENU: entry "x=hangup" at position 13: expected a key 0-9 or * followed by "=", like "1=device:ID" (# ends input, so it cannot be a choice)']);
    expect(menuMessages('1=front-desk; #=hangup')).toEqual([
      'MENU: entry "#=hangup" at position 14: expected a key 0-9 or * followed by "=", like "1=device:ID" (# ends input, so it cannot be a choice)',
    ]);
    expect(menuMessages('1=hangup; 1=front-desk')).toEqual(['MENU: entry "1=front-desk" at position 10: key 1 is already used']);
    expect(menuMessages('1=device:abc')).toEqual(['MENU: entry "1=device:abc" at position 0: expected a Kazoo id of 32 hex characters, found "abc"']);
  });
});
