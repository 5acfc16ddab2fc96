import { describe, expect, it } from 'vitest';
import { businessState } from '../../shared/calls/index.js';
import { parseConfig } from '../../shared/config/index.js';

// The state is evaluated once a minute per config (shared/calls/state.ts); these calls share one
// config, so each answer below comes from that per-minute cache or from a fresh evaluation.
const config = parseConfig({
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Sep 7 off "Labor Day"',
  FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
});
// New York is UTC-4 in September, UTC-5 in November.
const at = (iso: string) => new Date(iso);

describe('the business state, evaluated once a minute', () => {
  it('stays within a minute and changes at the next one: closing at 17:00', () => {
    expect(businessState(config, at('2026-11-23T21:59:00Z'))).toEqual({ known: true, open: true });
    expect(businessState(config, at('2026-11-23T21:59:59.999Z'))).toEqual({ known: true, open: true });
    expect(businessState(config, at('2026-11-23T22:00:00Z'))).toEqual({ known: true, open: false, nextOpen: at('2026-11-24T14:00:00Z') });
  });

  it('opening at 09:00, and the minute before it still closed', () => {
    expect(businessState(config, at('2026-11-24T13:59:30Z'))).toEqual({ known: true, open: false, nextOpen: at('2026-11-24T14:00:00Z') });
    expect(businessState(config, at('2026-11-24T14:00:00Z'))).toEqual({ known: true, open: true });
  });

  it("a holiday's reason starts at midnight, though the business was already closed the minute before", () => {
    // Sunday 23:59 (closed, no reason), then Monday Sep 7 00:00: Labor Day, reopening Tuesday.
    expect(businessState(config, at('2026-09-07T03:59:30Z'))).toEqual({ known: true, open: false, nextOpen: at('2026-09-08T13:00:00Z') });
    expect(businessState(config, at('2026-09-07T04:00:00Z'))).toEqual({ known: true, open: false, reason: 'Labor Day', nextOpen: at('2026-09-08T13:00:00Z') });
  });

  it('an earlier time (X-Simulate-At) is answered for that time, not from the later minute', () => {
    expect(businessState(config, at('2026-11-23T22:00:00Z'))).toMatchObject({ open: false });
    expect(businessState(config, at('2026-11-23T15:00:00Z'))).toEqual({ known: true, open: true });
  });
});
