/**
 * Micro-benchmark of the hours module: tsx scripts/bench-hours.ts
 * Prints microseconds per parseHours, per stateAt (100k instants over a year) and per stateAt
 * whose next change is far away (the worst case of the nextChange search), and how parsing (with
 * its warnings check) grows from 2,000 to 20,000 rules: about 10x when linear.
 */
import { parseHours, stateAt } from '../shared/hours/index.js';

const SCHEDULE = [
  'Mo-Fr 08:30-12:00,13:00-17:30; Sa 09:00-12:00',
  'Jan 01 off "New Year\'s Day"; Jan Mo[3] off "Martin Luther King Jr. Day"; Feb Mo[3] off "Presidents\' Day"',
  'May Mo[-1] off "Memorial Day"; Jun 19 off "Juneteenth"; Jul 04 off "Independence Day"; Sep Mo[1] off "Labor Day"',
  'Oct Mo[2] off "Columbus Day"; Nov 11 off "Veterans Day"; Nov Th[4] off "Thanksgiving"',
  'Dec 24 09:00-12:00 "Christmas Eve"; Dec 25 off "Christmas"; 2026 Dec 28-2027 Jan 01 off "Winter break"',
].join('; ');
const ZONE = 'America/New_York';
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;

function microsecondsPer(count: number, body: (i: number) => void): number {
  for (let i = 0; i < Math.min(count, 2000); i++) body(i); // warm up the JIT and the zone cache
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) body(i);
  return Number(process.hrtime.bigint() - started) / 1000 / count;
}

const schedule = parseHours(SCHEDULE);
let sink = 0;
const parse = microsecondsPer(20_000, () => (sink += parseHours(SCHEDULE).rules.length));

const STATES = 100_000;
// Spread over the year with an odd step, so instants land at every time of day and weekday.
const instants = Array.from({ length: STATES }, (_, i) => new Date(YEAR_START + Math.floor((i * YEAR_MS) / STATES) + ((i * 7_919_000) % 86_400_000)));
const state = microsecondsPer(STATES, (i) => (sink += stateAt(schedule, instants[i] ?? new Date(), ZONE).open ? 1 : 0));

// nextChange cost in isolation: the same call on a schedule that never changes (scans all 366 days).
const neverChanges = parseHours('Mo-Su 00:00-24:00; Dec 25 00:00-24:00');
const farChange = parseHours('Feb 29 10:00-12:00');
const alwaysOpen = microsecondsPer(2_000, (i) => (sink += stateAt(neverChanges, instants[i * 50] ?? new Date(), ZONE).nextChange === null ? 1 : 0));
const farAway = microsecondsPer(2_000, (i) => (sink += stateAt(farChange, instants[i * 50] ?? new Date(), ZONE).nextChange === null ? 1 : 0));

// Growth with the rule count: every kind of rule the warnings compare, repeated.
const BLOCK = 'Mo-Fr 09:00-17:00; Fr 18:00-02:00; Sa off; Dec 26 off "Boxing Day"; Jan 01 off; Mo 10:00-11:00';
const rules = (count: number): string => Array.from({ length: count / 6 }, () => BLOCK).join('; ');
const [twoThousand, twentyThousand] = [rules(1_998), rules(19_998)];
const parseSmall = microsecondsPer(20, () => (sink += parseHours(twoThousand).warnings.length));
const parseLarge = microsecondsPer(2, () => (sink += parseHours(twentyThousand).warnings.length));

console.log(`schedule: ${schedule.rules.length} rules, ${SCHEDULE.length} characters, zone ${ZONE}`);
console.log(`parseHours:                                 ${parse.toFixed(1)} µs per parse`);
console.log(`stateAt incl. nextChange (100k instants/yr): ${state.toFixed(2)} µs per call`);
console.log(`stateAt, open all year (366-day chain):      ${alwaysOpen.toFixed(1)} µs per call (worst case)`);
console.log(`stateAt, next opening > 1 year away:         ${farAway.toFixed(1)} µs per call (worst case)`);
console.log(`parseHours, 1,998 rules:                     ${(parseSmall / 1000).toFixed(1)} ms`);
console.log(`parseHours, 19,998 rules:                    ${(parseLarge / 1000).toFixed(1)} ms (${(parseLarge / parseSmall).toFixed(1)}x the 1,998-rule parse; 10x is linear)`);
if (sink < 0) console.log(sink);
