/**
 * `npm run bench:override`: what the hours override costs a front-desk call, in process
 * (app.request, no sockets): CPU time per call without the switch wired, wired with none set, and
 * wired with "closed until" in force (and a next-change one), as ratios to the first, same run;
 * FORCE_STATE=closed gives the same closed answer without the switch (the fair comparison for those).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAllInOneApp } from '../functions/local/app.js';
import { fsRecordingStore } from '../functions/recordings/store-fs.js';
import { nodePlatform } from '../shared/platform/node.js';
import { fsSettingsStore } from '../shared/platform/settings-fs.js';

const QUERY = 'Account-ID=4b8c0d0e0f101112131415161718191a&Call-ID=abc123&Caller-ID-Number=%2B14155550100&From=%2B14155550100&To=5000';
const CALLS = 500;
const ROUNDS = 40;
const env = { TIMEZONE: 'America/New_York', BUSINESS_HOURS: 'Mo-Fr 08:30-12:00,13:00-17:30; Dec 25 off "Christmas"', FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', PUBLIC_BASE_URL: 'https://pivot.example.com' };

async function variant(name: string, override: object | undefined, wired: boolean, extra: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-bench-override-'));
  if (override !== undefined) {
    await mkdir(join(dir, 'settings'));
    await writeFile(join(dir, 'settings', 'override.json'), JSON.stringify(override));
  }
  const app = createAllInOneApp(nodePlatform({ ...env, ...extra, RECORDINGS_DIR: dir }), { store: fsRecordingStore, ...(wired ? { settings: fsSettingsStore } : {}) });
  return { name, dir, call: () => app.request(`https://pivot.example.com/front-desk?${QUERY}`) };
}

const now = Date.now();
const variants = [
  await variant('not wired (baseline)', undefined, false),
  await variant('wired, none set', undefined, true),
  // The same closed answer as an override gives, decided by FORCE_STATE: the fair baseline for it.
  await variant('FORCE_STATE=closed', undefined, false, { FORCE_STATE: 'closed' }),
  await variant('closed until (in force)', { state: 'closed', until: new Date(now + 3_600_000).toISOString(), setAt: new Date(now).toISOString() }, true),
  await variant('closed until next-change', { state: 'closed', until: 'next-change', setAt: new Date(now).toISOString() }, true),
];
// Interleaved chunks, and the median chunk per variant: drift and bursts of other work on a shared
// machine land on every variant alike, and the median leaves the bursts out.
const chunks = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (const v of variants) for (let i = 0; i < 300; i++) await (await v.call()).text(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const v of variants) {
    // CPU time of this process, not wall time: other work on a shared machine then counts far less.
    const start = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) await (await v.call()).text();
    const used = process.cpuUsage(start);
    chunks.get(v.name)!.push((used.user + used.system) / CALLS);
  }
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const base = median(chunks.get(variants[0]!.name)!);
console.log(`${ROUNDS} interleaved chunks of ${CALLS} calls per variant; median CPU µs per call, ratio to the first`);
for (const v of variants) {
  const us = median(chunks.get(v.name)!);
  console.log(`${v.name.padEnd(26)} ${us.toFixed(1).padStart(7)} µs/call  ratio ${(us / base).toFixed(3)}`);
  await rm(v.dir, { recursive: true, force: true });
}
