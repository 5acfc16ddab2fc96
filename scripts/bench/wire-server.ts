/**
 * One server of the wire benchmark (scripts/bench-wire.ts), run in a process of its own pinned to
 * one core: `ours` is the local server exactly as `npm start` runs it; `bare` is node:http
 * answering the bytes and headers it is given (POST: after reading the whole body); `hono` is a
 * minimal Hono route on @hono/node-server answering the same. Tells its port over IPC.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalServer } from '../../functions/local/server.js';
import { stdoutLogWriter } from '../../functions/local/stdout-log.js';
import { setLogWriter } from '../../shared/http/log.js';

/** What the bare servers answer: ours's answer, captured once by the parent. */
export interface CannedAnswer {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

const [kind = 'bare'] = process.argv.slice(2);
const answer = JSON.parse(process.env['BENCH_ANSWER'] ?? '{"body":"","headers":{}}') as CannedAnswer;

function bare(): Promise<number> {
  const body = Buffer.from(answer.body);
  const headers = { ...answer.headers, 'content-length': String(body.byteLength) };
  const reply = (response: ServerResponse) => response.writeHead(200, headers).end(body);
  const server = createServer((request: IncomingMessage, response) => {
    if (request.method === 'GET') return reply(response);
    // Read the body first, as any server that answers from it must.
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      Buffer.concat(chunks);
      reply(response);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function minimalHono(): Promise<number> {
  const app = new Hono().all('/front-desk', (c) => c.body(answer.body, 200, answer.headers));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    void server;
  });
}

async function ours(): Promise<number> {
  // As `npm start` writes its log (server.ts).
  setLogWriter(stdoutLogWriter());
  const server = await startLocalServer(process.env, { port: 0, hostname: '127.0.0.1', quiet: true });
  return Number(new URL(server.origin).port);
}

const port = await (kind === 'ours' ? ours() : kind === 'hono' ? minimalHono() : bare());
process.send?.({ port });
