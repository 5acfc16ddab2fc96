// `npm start` writes every request's line to stdout, whatever its level (Node's console.warn and
// console.error would write stderr): the 401's warn line too.
import { expect, it } from 'vitest';
import { npmStartServer } from '../support/servers.js';

it('npm start: info and warn lines alike go to stdout', async () => {
  const server = await npmStartServer({ TIMEZONE: 'UTC', BUSINESS_HOURS: '24/7', PIVOT_TOKEN: 'stdout-test-token-0123456789' });
  try {
    expect((await fetch(`${server.origin}/front-desk?Call-ID=stdout-1`)).status).toBe(401);
    expect((await fetch(`${server.origin}/front-desk?Call-ID=stdout-2&token=stdout-test-token-0123456789`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = (server.stdout?.() ?? '').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ level, event, callId }) => ({ level, event, callId }))).toEqual([
      { level: 'warn', event: 'unauthorized', callId: 'stdout-1' },
      { level: 'warn', event: 'fallback', callId: 'stdout-2' },
    ]);
  } finally {
    await server.close();
  }
}, 60_000);
