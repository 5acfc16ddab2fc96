// The override in the business state: when it decides, when it ends (fixed times, next-change,
// DST, the cap), how it composes with FORCE_STATE and broken hours, and what it says for the log
// and for {next_open} (the end, and what the schedule says then).
import { describe, expect, it } from 'vitest';
import { businessState, callState } from '../../shared/calls/index.js';
import { parseConfig } from '../../shared/config/index.js';
import { describeOverride } from '../../shared/override/describe.js';
import { overrideEnd } from '../../shared/override/effect.js';
import type { HoursOverride } from '../../shared/override/types.js';

const env = { TIMEZONE: 'America/New_York', BUSINESS_HOURS: 'Mo-Fr 09:00-12:00,13:00-17:00; Dec 25 off "Christmas"' };
const config = parseConfig(env);
// Monday 2026-11-23 (EST, UTC-5).
const at = (local: string) => new Date(`${local}-05:00`);
const closedUntil = (until: string, setAt = '2026-11-23T10:00'): HoursOverride => ({ state: 'closed', until: at(until).toISOString(), setAt: at(setAt).toISOString() });

describe('the override in the business state', () => {
  it('"closed until 14:00" closes the open hours until 14:00 exactly, then the hours decide again', () => {
    const override = closedUntil('2026-11-23T14:00');
    expect(businessState(config, at('2026-11-23T10:00'), override)).toEqual({
      known: true,
      open: false,
      // For {next_open}: "We reopen today at 2 PM".
      nextOpen: at('2026-11-23T14:00'),
      override: { state: 'closed', endsAt: at('2026-11-23T14:00'), label: 'closed until 14:00', then: { known: true, open: true } },
    });
    expect(businessState(config, at('2026-11-23T13:59:59'), override)).toMatchObject({ open: false, override: { state: 'closed' } });
    expect(businessState(config, at('2026-11-23T14:00'), override)).toEqual({ known: true, open: true });
  });

  it('tells {next_open} where to look: the end, and that the hours are closed then (past 17:00)', () => {
    const state = businessState(config, at('2026-11-23T16:00'), closedUntil('2026-11-23T18:30'));
    expect(state).toMatchObject({ open: false, override: { endsAt: at('2026-11-23T18:30'), then: { known: true, open: false } } });
    // FORCE_STATE=closed after the end: no reopening to speak.
    expect(businessState(parseConfig({ ...env, FORCE_STATE: 'closed' }), at('2026-11-23T10:00'), closedUntil('2026-11-23T14:00'))).not.toHaveProperty('nextOpen');
  });

  it('"open until" opens closed hours (a lunch break, a holiday) and says so in the label, with the day when not today', () => {
    const open: HoursOverride = { state: 'open', until: at('2026-11-24T12:30').toISOString(), setAt: at('2026-11-23T12:10').toISOString() };
    expect(businessState(config, at('2026-11-23T12:15'), open)).toMatchObject({ known: true, open: true, override: { label: 'open until Tue 24 Nov, 12:30' } });
    const christmas: HoursOverride = { state: 'open', until: new Date('2026-12-25T17:00:00-05:00').toISOString(), setAt: new Date('2026-12-25T08:00:00-05:00').toISOString() };
    expect(businessState(config, new Date('2026-12-25T10:00:00-05:00'), christmas)).toMatchObject({ open: true, override: { then: { open: false, reason: 'Christmas' } } });
  });

  it('wins over FORCE_STATE while it lasts; FORCE_STATE decides again after', () => {
    const forcedOpen = parseConfig({ ...env, FORCE_STATE: 'open' });
    const override = closedUntil('2026-11-23T14:00');
    expect(businessState(forcedOpen, at('2026-11-23T11:00'), override)).toMatchObject({ known: true, open: false, override: { then: { known: true, open: true } } });
    expect(businessState(forcedOpen, at('2026-11-23T20:00'), override)).toEqual({ known: true, open: true });
    const forcedClosed = parseConfig({ ...env, FORCE_STATE: 'closed' });
    const open: HoursOverride = { state: 'open', until: at('2026-11-23T18:00').toISOString(), setAt: at('2026-11-23T09:00').toISOString() };
    expect(businessState(forcedClosed, at('2026-11-23T17:30'), open)).toMatchObject({ open: true });
    expect(businessState(forcedClosed, at('2026-11-23T18:00'), open)).toEqual({ known: true, open: false });
  });

  it('a fixed time decides even when the hours are broken; afterwards the hours are unknown again', () => {
    const broken = parseConfig({ ...env, BUSINESS_HOURS: 'Mo-Fr 9-5 please' });
    const override = closedUntil('2026-11-23T14:00');
    expect(businessState(broken, at('2026-11-23T11:00'), override)).toMatchObject({ known: true, open: false, override: { then: { known: false } } });
    expect(businessState(broken, at('2026-11-23T15:00'), override)).toMatchObject({ known: false });
    const nextChange: HoursOverride = { state: 'closed', until: 'next-change', setAt: at('2026-11-23T10:00').toISOString() };
    expect(businessState(broken, at('2026-11-23T11:00'), nextChange)).toMatchObject({ known: false });
  });

  it('is not in force before it was set (X-Simulate-At into the past), give or take a minute of clock skew', () => {
    const override = closedUntil('2026-11-23T14:00', '2026-11-23T11:00');
    expect(businessState(config, at('2026-11-23T10:00'), override)).toEqual({ known: true, open: true });
    expect(businessState(config, at('2026-11-23T10:59:30'), override)).toMatchObject({ open: false });
  });

  it('ends exactly at an instant across a DST change (New York falls back on 2026-11-01)', () => {
    // Set Saturday 20:00 EDT, until Sunday 01:30 EST (the second 01:30): 6 h 30 min later.
    const override: HoursOverride = { state: 'open', until: '2026-11-01T06:30:00.000Z', setAt: '2026-11-01T00:00:00.000Z' };
    expect(businessState(config, new Date('2026-11-01T06:29:59Z'), override)).toMatchObject({ open: true, override: { label: 'open until 01:30' } });
    expect(businessState(config, new Date('2026-11-01T06:30:00Z'), override)).toEqual({ known: true, open: false, nextOpen: new Date('2026-11-02T14:00:00Z') });
  });

  it('never lasts more than 90 days after it was set, whatever the file says', () => {
    const override: HoursOverride = { state: 'closed', until: '2027-12-31T00:00:00.000Z', setAt: '2026-11-23T15:00:00.000Z' };
    expect(overrideEnd(override, config)).toEqual(new Date('2027-02-21T15:00:00.000Z'));
  });
});

describe('next-change: until the schedule next turns to the other state', () => {
  const nextChange = (state: 'open' | 'closed', setAt: string): HoursOverride => ({ state, until: 'next-change', setAt: at(setAt).toISOString() });

  it('closed, set while closed (lunch): ends at the next opening, 13:00', () => {
    expect(overrideEnd(nextChange('closed', '2026-11-23T12:10'), config)).toEqual(at('2026-11-23T13:00'));
  });

  it('closed, set while open: ends at the next opening after this stretch, not at its closing', () => {
    expect(overrideEnd(nextChange('closed', '2026-11-23T10:00'), config)).toEqual(at('2026-11-23T13:00'));
    const friday = overrideEnd(nextChange('closed', '2026-11-27T14:00'), config);
    expect(friday).toEqual(at('2026-11-30T09:00'));
    expect(businessState(config, at('2026-11-27T14:00'), nextChange('closed', '2026-11-27T14:00'))).toMatchObject({ override: { label: 'closed until Mon 30 Nov, 09:00 (next opening)' } });
  });

  it('open, set while closed (evening): ends at the next closing, after tomorrow morning', () => {
    expect(overrideEnd(nextChange('open', '2026-11-23T20:00'), config)).toEqual(at('2026-11-24T12:00'));
  });

  it('a schedule that never turns lasts the 90-day cap', () => {
    const always = parseConfig({ ...env, BUSINESS_HOURS: '24/7' });
    expect(overrideEnd(nextChange('closed', '2026-11-23T10:00'), always)).toEqual(new Date(at('2026-11-23T10:00').getTime() + 90 * 86_400_000));
  });
});

describe('what the override says', () => {
  it('notes the override for the call\'s log line, and nothing when none is in force', () => {
    const notes: [string, string][] = [];
    const call = { context: { config }, now: at('2026-11-23T10:00'), note: (key: string, value: string) => void notes.push([key, value]) };
    callState({ ...call, override: closedUntil('2026-11-23T14:00') });
    callState({ ...call, override: null });
    callState({ ...call, now: at('2026-11-23T15:00'), override: closedUntil('2026-11-23T14:00') });
    expect(notes).toEqual([['state', 'closed'], ['override', 'closed until 14:00'], ['state', 'open'], ['state', 'open']]);
  });

  it('describes it for the start-up line and the scripts, naming FORCE_STATE when that is set', () => {
    const override = closedUntil('2026-11-23T14:00', '2026-11-23T09:12');
    expect(describeOverride(override, config, at('2026-11-23T10:00'))).toBe('closed until Mon 23 Nov, 14:00 (set Mon 23 Nov, 09:12); it wins over the hours until then');
    expect(describeOverride(override, { ...config, forceState: 'open' }, at('2026-11-23T10:00'))).toBe(
      'closed until Mon 23 Nov, 14:00 (set Mon 23 Nov, 09:12); it wins over the hours and FORCE_STATE=open until then',
    );
    expect(describeOverride(override, config, at('2026-11-23T14:00'))).toBeUndefined();
    expect(describeOverride(null, config, at('2026-11-23T10:00'))).toBeUndefined();
  });
});
