// What never reaches an endpoint on the local server, over real sockets: each gets an answer with a
// body and exactly one log line (Node's own defaults answered most of these with an empty 400, or
// nothing), and a request followed by garbage still gets its whole answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLines } from '../support/log-capture.js';
import { pivotAnswer } from '../support/pivot.js';
import { rawExchange, requestHead } from '../support/raw-http.js';
import { localRecordings } from '../recordings/local-server.js';
import { BASIC } from '../recordings/recordings-helpers.js';

let local: Awaited<ReturnType<typeof localRecordings>>;
let port: number;
beforeAll(async () => {
  local = await localRecordings({ FRONT_DESK_NUMBER: '+15551234567', BUSINESS_HOURS: '24/7' });
  port = Number(new URL(local.origin).port);
});
afterAll(() => local.close());

const KAZOO_QUERY = 'Call-ID=abc123%40192.168.1.2&Caller-ID-Number=%2B14155550100&To=5000';

/** The log lines written while `act` ran (and `settle` ms after, for a line written once the sender is gone). */
async function linesOf<T>(act: () => Promise<T>, settle = 0): Promise<{ readonly result: T; readonly lines: Record<string, unknown>[] }> {
  const before = logLines().length;
  const result = await act();
  if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
  return { result, lines: logLines().slice(before) };
}

const json = (answer: { readonly body: Buffer }) => JSON.parse(answer.body.toString()) as unknown;

describe('refused before any endpoint: a body and one log line', () => {
  const PARSER = 'refused_by_http_parser';
  it.each([
    ['a method Node does not know', `FOO /front-desk HTTP/1.1\r\nHost: x\r\n\r\n`, 400, 'bad_request', 'This is not an HTTP request this server reads (HPE_INVALID_METHOD).', PARSER, 'HPE_INVALID_METHOD'],
    ['a space inside the request target', `GET /front-desk?a= b&c=1 HTTP/1.1\r\nHost: x\r\n\r\n`, 400, 'bad_request', 'This is not an HTTP request this server reads (HPE_INVALID_CONSTANT).', PARSER, 'HPE_INVALID_CONSTANT'],
    ['Content-Length and chunked together', `PUT /recordings/a.mp3 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n`, 400, 'bad_request', 'This is not an HTTP request this server reads (HPE_INVALID_TRANSFER_ENCODING).', PARSER, 'HPE_INVALID_TRANSFER_ENCODING'],
    ['a request line past 16 KB', `GET /front-desk?a=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'headers_too_large', 'The request line and headers are larger than 16 KB.', PARSER, 'HPE_HEADER_OVERFLOW'],
    ['CONNECT', `CONNECT pivot.example.com:443 HTTP/1.1\r\nHost: x\r\n\r\n`, 405, 'method_not_allowed', 'This server is no proxy: CONNECT is not taken.', 'method_not_allowed', 'CONNECT'],
    ['OPTIONS *', `OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n`, 400, 'bad_request', 'Invalid URL', 'bad_request', 'Invalid URL'],
  ])('%s', async (_, bytes, status, error, message, logged, why) => {
    const { result, lines } = await linesOf(() => rawExchange(port, bytes));
    expect(result).toMatchObject({ outcome: 'answered', status, headers: { 'content-type': 'application/json' } });
    expect(json(result)).toEqual({ error, message });
    expect(lines).toEqual([{ time: expect.any(String), level: 'warn', event: 'request', status, error: logged, why }]);
  });

  it('an Expect other than 100-continue: 417 with a body', async () => {
    const { result, lines } = await linesOf(() => rawExchange(port, requestHead('GET', `/front-desk?${KAZOO_QUERY}`, { Expect: 'teapot', Authorization: BASIC })));
    expect(result.status).toBe(417);
    expect(json(result)).toEqual({ error: 'expectation_failed', message: 'Only Expect: 100-continue is taken.' });
    expect(lines).toEqual([{ time: expect.any(String), level: 'warn', event: 'request', status: 417, error: 'expectation_failed', why: 'Expect: teapot' }]);
  });
});

describe('answers Node used to drop or cut', () => {
  it('HTTP/1.1 without a Host header: the flow (Node answered an empty 400)', async () => {
    const { result, lines } = await linesOf(() => rawExchange(port, `GET /front-desk?${KAZOO_QUERY} HTTP/1.1\r\nAuthorization: ${BASIC}\r\nConnection: close\r\n\r\n`));
    expect(result.status).toBe(200);
    await pivotAnswer(new Response(result.body.toString(), { headers: { 'content-type': result.headers['content-type'] ?? '' } }));
    expect(lines).toEqual([expect.objectContaining({ event: 'answer', status: 200, endpoint: 'front-desk' })]);
  });

  it('a Content-Length shorter than the body: the request it covers is answered whole, the rest is dropped', async () => {
    const body = `Call-ID=abc123%40192.168.1.2&To=5000`;
    const honest = await rawExchange(port, requestHead('POST', '/front-desk', { Authorization: BASIC, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': 20 }) + body.slice(0, 20));
    const { result, lines } = await linesOf(() =>
      rawExchange(port, requestHead('POST', '/front-desk', { Authorization: BASIC, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': 20 }) + body),
    );
    expect(result).toMatchObject({ outcome: 'answered', status: 200 });
    expect(json(result)).toEqual(json(honest));
    // Node used to answer the garbage with 400 and cut this answer off: now one line, the answer's.
    expect(lines).toEqual([expect.objectContaining({ event: 'answer', status: 200 })]);
  });

  it('a client that half-closes after a whole upload still gets its 201', async () => {
    const { result } = await linesOf(() =>
      rawExchange(port, `${requestHead('PUT', '/recordings/half-close-1.mp3', { Authorization: BASIC, 'Content-Type': 'audio/mpeg', 'Transfer-Encoding': 'chunked' })}3\r\nabc\r\n0\r\n\r\n`, { halfClose: true }),
    );
    expect(result.status).toBe(201);
    expect((await local.list()).map((item) => item['callId'])).toContain('half-close-1');
  });

  it('an upload whose sender gives up mid-body: 400, nothing stored, one line saying so (not a storage failure)', async () => {
    const filesBefore = await local.files();
    const { result, lines } = await linesOf(
      () => rawExchange(port, `${requestHead('PUT', '/recordings/gave-up-1.mp3', { Authorization: BASIC, 'Content-Type': 'audio/mpeg', 'Content-Length': 5000 })}${'a'.repeat(1000)}`, { halfClose: true }),
      200,
    );
    expect(result.status).toBe(400);
    expect(json(result)).toEqual({ error: 'bad_request', message: 'The connection was closed before the request body was complete.' });
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', event: 'upload', status: 400, outcome: 'upload_incomplete', bytes: 5000 })]);
    expect(await local.files()).toEqual(filesBefore);
  });
});
