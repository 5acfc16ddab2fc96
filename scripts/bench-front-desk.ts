/**
 * `npm run bench:front-desk`: requests per second and latency of front-desk on the local server,
 * run in its own process (loopback only, 5 s, 10 connections per dialect).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const QUERY =
  'Account-ID=4b8c0d0e0f101112131415161718191a&Call-ID=abc123%40192.168.1.2&Caller-ID-Name=Alice+Smith' +
  '&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&To=5000&To-Realm=sip.example.com';
const TOKEN = 'bench-token-0123456789';
const env = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 08:30-12:00,13:00-17:30; Sa 10:00-14:00; Dec 25 off "Christmas"; Nov Th[4] off "Thanksgiving"',
  FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  PUBLIC_BASE_URL: 'https://pivot.example.com',
  PIVOT_TOKEN: TOKEN,
  HOST: '127.0.0.1',
  PORT: '18787',
};

for (const format of ['callflow', 'twiml'] as const) {
  const server = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/node-text-imports.mjs', 'server.ts'], {
    env: { ...process.env, ...env, RESPONSE_FORMAT: format },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [firstLine] = (await once(server.stdout, 'data')) as [Buffer];
  const origin = /listening on (\S+)/.exec(firstLine.toString())?.[1] ?? `http://127.0.0.1:${env.PORT}`;
  const url = `${origin}/front-desk?${QUERY}&token=${TOKEN}`;
  await autocannon({ url, connections: 10, duration: 1 }); // warm-up
  const { requests, latency, non2xx, errors } = await autocannon({ url, connections: 10, duration: 5 });
  server.kill();
  await once(server, 'exit');
  console.log(
    `front-desk ${format}: ${requests.average.toFixed(0)} req/s, latency p50 ${latency.p50} ms, p99 ${latency.p99} ms, ` +
      `max ${latency.max} ms, non-2xx ${non2xx}, errors ${errors}`,
  );
}
