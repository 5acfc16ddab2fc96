/**
 * What the request log costs per request: tsx scripts/bench-log.ts
 * The same front-desk answer (and a 401), in this process, through two apps that differ only in
 * LOG_LEVEL: `info` (the line is built, stringified once and written, here to /dev/null) and
 * `error` (the line is filtered out, so never built). Rounds alternate; medians are printed: µs per
 * request, µs spent writing the line (RequestLog.finish, timed in place), and the line's share.
 */
import { createWriteStream } from 'node:fs';
import { createAllInOneApp } from '../functions/local/app.js';
import { fsRecordingStore } from '../functions/recordings/store-fs.js';
import { RequestLog } from '../shared/http/request-log.js';
import { nodePlatform } from '../shared/platform/node.js';

const QUERY =
  'Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=abc123%40192.168.1.2&Caller-ID-Name=Alice+Smith' +
  '&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&From-Realm=sip.example.com&Language=en-us' +
  '&Request=5000&Request-Realm=sip.example.com&To=5000&To-Realm=sip.example.com';
const ENV = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
  FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  PUBLIC_BASE_URL: 'https://pivot.example.com',
  PIVOT_TOKEN: 'bench-pivot-token',
};
const AUTH = { authorization: `Basic ${Buffer.from('pivot:bench-pivot-token').toString('base64')}` };

const devNull = createWriteStream('/dev/null');
for (const level of ['info', 'warn', 'error'] as const) console[level] = (line: string) => void devNull.write(`${line}\n`);

// Time RequestLog.finish where it runs, inside the request.
const finish = RequestLog.prototype.finish;
let spent = 0n;
RequestLog.prototype.finish = function (this: RequestLog, ...args: Parameters<typeof finish>) {
  const started = process.hrtime.bigint();
  finish.apply(this, args);
  spent += process.hrtime.bigint() - started;
};

const apps = {
  error: createAllInOneApp(nodePlatform({ ...ENV, LOG_LEVEL: 'error' }), { store: fsRecordingStore }),
  info: createAllInOneApp(nodePlatform({ ...ENV, LOG_LEVEL: 'info' }), { store: fsRecordingStore }),
};

async function round(level: keyof typeof apps, count: number, headers: Record<string, string>): Promise<{ request: number; line: number }> {
  spent = 0n;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await (await apps[level].request(`https://pivot.example.com/front-desk?${QUERY}`, { headers })).arrayBuffer();
  return { request: Number(process.hrtime.bigint() - started) / 1000 / count, line: Number(spent) / 1000 / count };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ROUNDS = 7;
const COUNT = 2000;
for (const [name, headers] of [['answer', AUTH], ['401', {}]] as const) {
  const results: Record<keyof typeof apps, { request: number[]; line: number[] }> = { error: { request: [], line: [] }, info: { request: [], line: [] } };
  await round('error', 500, headers);
  await round('info', 500, headers);
  for (let i = 0; i < ROUNDS; i++) {
    for (const level of ['error', 'info'] as const) {
      const { request, line } = await round(level, COUNT, headers);
      results[level].request.push(request);
      results[level].line.push(line);
    }
  }
  for (const level of ['info', 'error'] as const) {
    const request = median(results[level].request);
    const line = median(results[level].line);
    console.log(`${name.padEnd(6)} LOG_LEVEL=${level.padEnd(5)} ${request.toFixed(1).padStart(6)} µs/request, the line ${line.toFixed(2).padStart(6)} µs (${((100 * line) / request).toFixed(2)}% of the request)`);
  }
  console.log(`${name.padEnd(6)} requests at info / at error: ${(median(results.info.request) / median(results.error.request)).toFixed(3)}`);
}
devNull.end();
