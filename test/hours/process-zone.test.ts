// On Lambda the hours take a zone's offsets from the process's own clock (adoptProcessZone): the
// same offsets, to the second, as Intl gives, around every DST change.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { formatLocalDateTime } from '../../shared/hours/zone.js';

// Half-hour and 45-minute offsets and DST steps, Dublin's negative DST, Monrovia's -0:44:30 until 1972 (sampled in 1971).
const ZONES = ['America/New_York', 'Europe/London', 'Europe/Dublin', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Tehran', 'Africa/Monrovia', 'America/Sao_Paulo'];

it('gives what Intl gives, to the second, in each zone; an unlisted name leaves the clock alone', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/hours/process-zone-check.ts', ...ZONES], { cwd: process.cwd(), env: { ...process.env, TZ: 'UTC' } });
  const result = JSON.parse(stdout) as Record<string, { same: boolean; tz: string; count: number; first: number }>;
  for (const zone of ZONES) expect(result[zone]).toMatchObject({ same: true, tz: zone, count: 2507 });
  // Local mean time has seconds: in 1880 New York's was UTC-4:56:02, Monrovia's UTC-0:43:08.
  expect(result['America/New_York']!.first).toBe(-(4 * 3600 + 56 * 60 + 2) * 1000);
  expect(result['Africa/Monrovia']!.first).toBe(-(43 * 60 + 8) * 1000);
  // An alias Intl does not list (Node's list names it Asia/Calcutta) and a typo leave the clock as it was.
  expect(result['unlisted']).toBe('America/Sao_Paulo');
}, 60_000);

it('formats a local time the way the inbox shows it', () => {
  expect(formatLocalDateTime(new Date(Date.UTC(2026, 11, 24, 21, 32)), 'America/New_York')).toBe('Thu 24 Dec, 16:32');
  expect(formatLocalDateTime(new Date(Date.UTC(2026, 2, 8, 7, 5)), 'America/New_York')).toBe('Sun 8 Mar, 03:05');
  expect(formatLocalDateTime(new Date(Date.UTC(2026, 0, 1, 0, 0)), 'UTC')).toBe('Thu 1 Jan, 00:00');
});
