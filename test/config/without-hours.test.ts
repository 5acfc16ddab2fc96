import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfigWithoutHours } from '../../shared/config/without-hours.js';

describe('the recordings config (no hours parser)', () => {
  it('reads TIMEZONE with Intl alone: canonical when valid, a problem when not, nothing when unset', () => {
    expect(loadConfigWithoutHours({ TIMEZONE: 'america/new_york' }).timeZone).toBe('America/New_York');
    const bad = loadConfigWithoutHours({ TIMEZONE: 'Mars/Olympus' });
    expect(bad.timeZone).toBeUndefined();
    expect(bad.problems).toEqual([{ variable: 'TIMEZONE', message: 'TIMEZONE: expected an IANA zone like America/New_York, found "Mars/Olympus"' }]);
    const unset = loadConfigWithoutHours({});
    expect([unset.timeZone, unset.problems]).toEqual([undefined, []]);
    // BUSINESS_HOURS is not its business: even a broken value is no problem here.
    expect(loadConfigWithoutHours({ TIMEZONE: 'UTC', BUSINESS_HOURS: 'Mo-Fr 25:00' }).problems).toEqual([]);
  });

  it('reads none of the call settings (greetings, ringing, menu, our voicemail): they are not its business either', () => {
    const config = loadConfigWithoutHours({ FORCE_STATE: 'maybe', RING_TIMEOUT: '2', VOICEMAIL_BOX_ID: 'box-1', GREETING_OPEN: 'Hi', MENU: '1=nowhere', RECORDING_FORMAT: 'ogg', TTS_VOICE: 'male', MAX_RECORDING_MB: '2' });
    expect(config.problems).toEqual([]);
    expect(config).toMatchObject({ forceState: 'auto', ringTimeout: 20, greetingOpen: '', greetingClosed: '', recordingFormat: 'mp3', voice: 'male', maxRecordingBytes: 2 * 1024 * 1024 });
    expect([config.voicemailBoxId, config.menu, config.frontDesk]).toEqual([undefined, undefined, undefined]);
  });

  it('checks a listed zone without a formatter (no locale data at start-up), an alias or UTC with one', () => {
    // The formatter path asks the formatter which zone it resolved.
    const formatters = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    expect(loadConfigWithoutHours({ TIMEZONE: 'australia/lord_howe' }).timeZone).toBe('Australia/Lord_Howe');
    expect(formatters).not.toHaveBeenCalled();
    expect(loadConfigWithoutHours({ TIMEZONE: 'US/Eastern' }).timeZone).toBe('America/New_York');
    expect(loadConfigWithoutHours({ TIMEZONE: 'UTC' }).timeZone).toBe('UTC');
    expect(formatters).toHaveBeenCalledTimes(2);
  });
});

afterEach(() => vi.restoreAllMocks());

