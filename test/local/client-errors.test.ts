// What Node's HTTP parser refuses before any app sees it is answered as Node would and logged.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../functions/local/server.js';
import { logLines } from '../support/log-capture.js';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ TIMEZONE: 'UTC' }, { port: 0, hostname: '127.0.0.1', quiet: true });
});
afterAll(() => server.close());

function raw(request: string): Promise<string> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

it('a GET whose 60 KB Call-ID overflows the header limit: 431, and a line saying why', async () => {
  const answer = await raw(`GET /front-desk?Call-ID=${'x'.repeat(60_000)} HTTP/1.1\r\nHost: h\r\n\r\n`);
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
  expect(logLines().filter((line) => line.error === 'refused_by_http_parser')).toEqual([
    expect.objectContaining({ level: 'warn', event: 'request', status: 431, why: 'HPE_HEADER_OVERFLOW' }),
  ]);
});

it('garbage instead of HTTP: 400, and a line', async () => {
  const answer = await raw('NOT HTTP AT ALL\r\n\r\n');
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  expect(logLines().filter((line) => line.error === 'refused_by_http_parser').at(-1)).toMatchObject({ status: 400 });
});
