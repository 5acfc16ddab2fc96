// The notification receiver down, slow, or failing, with a real HTTP receiver on 127.0.0.1: the
// caller's call and the upload are answered as ever (the upload never waits for the notice), the
// notice is retried a bounded number of times, and its outcome is one line on the log.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { aDay, CALL_ID, linesOf, type Day } from './support.js';

interface Receiver {
  readonly url: string;
  /** Requests that reached it, answered or not. */
  readonly seen: () => number;
  /** Requests it holds without answering yet. */
  readonly held: () => number;
  /** Answers every held request (and later ones) with 200. */
  release(): void;
  close(): Promise<void>;
}

/** A webhook receiver answering `status`, or holding each request (`hold`) until released or closed. */
async function receiver(mode: { readonly status: number } | 'hold'): Promise<Receiver> {
  let seen = 0;
  let released = false;
  const waiting: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen += 1;
    request.resume();
    if (mode !== 'hold') response.writeHead(mode.status).end();
    else if (released) response.writeHead(200).end('ok');
    else waiting.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    seen: () => seen,
    held: () => waiting.filter((response) => !response.writableEnded && !response.destroyed).length,
    release: () => {
      released = true;
      for (const response of waiting.splice(0)) if (!response.destroyed) response.writeHead(200).end('ok');
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port nobody listens on: a receiver that is down. */
async function downUrl(): Promise<string> {
  const gone = await receiver({ status: 200 });
  await gone.close();
  return gone.url;
}

let day: Day | undefined;
let hook: Receiver | undefined;
afterEach(async () => {
  await hook?.close();
  await day?.cleanup();
  hook = day = undefined;
});

/** The caller's day up to the stored message; `notify` shortens the notice's delays and timeout. */
async function upToTheUpload(url: string, notify = { baseDelayMs: 20, timeoutMs: 300 }) {
  day = await aDay({ env: { NOTIFY_WEBHOOK_URL: url }, notify });
  await day.call();
  const { result, lines } = await linesOf(() => day!.upload());
  expect(result.status).toBe(201);
  expect(lines).toEqual([expect.objectContaining({ level: 'info', event: 'upload', status: 201, outcome: 'stored', callId: CALL_ID })]);
  const id = ((await result.json()) as { id: string }).id;
  return { id, notice: () => linesOf(() => day!.settled()).then(({ lines: noticeLines }) => noticeLines) };
}

describe('the notification receiver', () => {
  it('down: the upload is stored and answered; the notice is tried 4 times, then one line says it failed and why', async () => {
    const { id, notice } = await upToTheUpload(await downUrl());
    expect(await notice()).toEqual([{ time: expect.any(String), level: 'warn', event: 'notify_failed', id, attempts: 4, error: 'ECONNREFUSED' }]);
  });

  it('slow: the upload is answered while the receiver still holds the notice; once it answers, one line', async () => {
    hook = await receiver('hold');
    const { id, notice } = await upToTheUpload(hook.url, { baseDelayMs: 20, timeoutMs: 5000 });
    // The 201 above came back while the notice is still in the receiver's hands.
    await expect.poll(() => hook!.held()).toBe(1);
    hook.release();
    expect(await notice()).toEqual([{ time: expect.any(String), level: 'info', event: 'notify_sent', id, attempts: 1 }]);
    expect(hook.seen()).toBe(1);
  });

  it('slower than the timeout: each attempt is given up in time, 4 in all, then one line', async () => {
    hook = await receiver('hold');
    const { id, notice } = await upToTheUpload(hook.url, { baseDelayMs: 20, timeoutMs: 200 });
    expect(await notice()).toEqual([{ time: expect.any(String), level: 'warn', event: 'notify_failed', id, attempts: 4, error: 'no answer within 200 ms' }]);
    expect(hook.seen()).toBe(4);
  });

  it.each([
    [503, 4],
    [404, 1],
  ])('answering %i: tried %i time(s) (a 5xx is retried, a 4xx is not), one line', async (status, attempts) => {
    hook = await receiver({ status });
    const { id, notice } = await upToTheUpload(hook.url);
    expect(await notice()).toEqual([{ time: expect.any(String), level: 'warn', event: 'notify_failed', id, attempts, error: `HTTP ${status}` }]);
    expect(hook.seen()).toBe(attempts);
  });

  it('with the defaults (4 attempts, 0.5 s, 1 s, 2 s apart, 5 s each): a receiver that is down costs the upload nothing', async () => {
    const { id, notice } = await upToTheUpload(await downUrl(), {} as { baseDelayMs: number; timeoutMs: number });
    const started = Date.now();
    expect(await notice()).toEqual([expect.objectContaining({ event: 'notify_failed', id, attempts: 4, error: 'ECONNREFUSED' })]);
    // The retries took their 3.5 s in the background, after the upload was answered above.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3400);
  }, 20_000);
});
