// --week through the real endpoints: every change of state over 7 days, found to the minute.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runWeek } from '../../tools/call/index.js';
import { nodeServer, type TestServer } from '../support/servers.js';
import { ADMIN_TOKEN, DEVICE, PIVOT_TOKEN, PUBLIC } from './scenarios.js';

let server: TestServer;
beforeAll(async () => {
  server = await nodeServer({
    TIMEZONE: 'America/New_York',
    BUSINESS_HOURS: 'Mo-Fr 09:00-12:15,13:00-17:00; Nov 26 off "Thanksgiving"',
    FRONT_DESK_DEVICE_ID: DEVICE,
    PUBLIC_BASE_URL: PUBLIC,
    PIVOT_TOKEN,
    ADMIN_TOKEN,
  });
});
afterAll(() => server.close());

it('shows a week of calls: each stretch that goes the same way, with its changes to the minute', async () => {
  const week = await runWeek({ url: `${PUBLIC}/front-desk`, connectTo: { [PUBLIC]: server.origin }, token: PIVOT_TOKEN, adminToken: ADMIN_TOKEN, at: '2026-11-23T00:00' });
  // A caller who stays on the line to the end: our voicemail's prompt, then the time limit's goodbye.
  const message = 'records a message → says "Please speak now, and hang up when you are done." → says "Your message has reached the time limit and has been recorded. Thank you, goodbye."';
  const open = `says "Thank you for calling. Please hold while we connect you." → rings device a1b2… → no answer → says "Sorry, nobody is available to take your call. Please leave a message." → ${message}`;
  // The closed greeting says when we reopen, so it changes at each closing and at midnight too.
  const closed = (reopen: string) => `says "Thank you for calling. We are closed right now. We reopen ${reopen}. Please leave a message." → ${message}`;
  const thanksgiving = `says "Thank you for calling. Thanksgiving. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message." → ${message}`;
  const day = (date: string, evening: string) => [
    { from: `${date}T00:00`, what: closed('today at 9 AM') },
    { from: `${date}T09:00`, what: open },
    { from: `${date}T12:15`, what: closed('today at 1 PM') },
    { from: `${date}T13:00`, what: open },
    { from: `${date}T17:00`, what: closed(evening) },
  ];
  expect(week.rows.map(({ from, what }) => ({ from, what }))).toEqual([
    ...day('2026-11-23', 'tomorrow at 9 AM'),
    ...day('2026-11-24', 'tomorrow at 9 AM'),
    ...day('2026-11-25', 'Friday at 9 AM'),
    { from: '2026-11-26T00:00', what: thanksgiving },
    ...day('2026-11-27', 'Monday at 9 AM'),
    { from: '2026-11-29T00:00', what: closed('tomorrow at 9 AM') },
  ]);
  expect(week.rows.at(-1)?.to).toBe('2026-11-30T00:00');
  expect(week.problems).toBe(0);
  expect(week.report).toContain('Mon 11-23 12:15 – Mon 11-23 13:00   0.8 h  says "Thank you for calling. We are closed ri…" → records a message');
}, 60_000);
