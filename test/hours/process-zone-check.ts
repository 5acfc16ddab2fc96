// Run in a child process by process-zone.test.ts (it moves the process's clock): for each zone, the
// offsets the hours get from Intl, then again from the process's own clock after
// adoptProcessZone, printed as one JSON object.
import { probeOffset } from '../../shared/hours/zone.js';
import { adoptProcessZone } from '../../shared/platform/process-zone.js';

const zones = process.argv.slice(2);
const HOUR = 3_600_000;
// Every hour around each zone's DST changes of 2026 and 2027, plus local mean time of the 19th century and a leap day.
const instants: number[] = [Date.UTC(1880, 0, 1, 12), Date.UTC(1900, 0, 1), Date.UTC(1971, 11, 1), Date.UTC(2028, 1, 29, 23, 59, 59)];
for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 7 * HOUR) instants.push(at);

const sample = (zone: string) => instants.map((at) => probeOffset(zone, at));
const result: Record<string, unknown> = {};
for (const zone of zones) {
  const intl = sample(zone);
  adoptProcessZone(zone.toLowerCase());
  result[zone] = { same: JSON.stringify(sample(zone)) === JSON.stringify(intl), tz: process.env['TZ'], count: instants.length, first: intl[0] };
}
adoptProcessZone('Asia/Kolkata');
adoptProcessZone('Not/A_Zone');
result['unlisted'] = process.env['TZ'];
console.log(JSON.stringify(result));
