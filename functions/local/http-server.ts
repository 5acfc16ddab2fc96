import { getRequestListener } from '@hono/node-server';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { logEvent } from '../../shared/http/log.js';

type Fetch = (request: Request, env: never) => Response | Promise<Response>;

/**
 * The local server's HTTP/1.1 listener: `fetch` behind @hono/node-server, and an answer with a
 * body, and one log line, for what never reaches `fetch`. Node's defaults answer a request that is
 * not HTTP with an empty 400, drop a CONNECT without a word, and cut off the answer to a request
 * that was followed by garbage on the same connection.
 */
export function createHttpServer(fetch: Fetch, hostname: string): Server {
  const listener = getRequestListener(fetch as Parameters<typeof getRequestListener>[0], {
    // The host an HTTP/1.0 request without a Host header is taken to be for, as `serve` does.
    hostname,
    // A URL the Fetch API cannot take (no Host, `OPTIONS *`, a backslash): 400, said so.
    errorHandler: (error) => refusal(400, 'bad_request', error instanceof Error ? error.message : 'unreadable request'),
  });
  // Without a Host the request still reaches the handler above, which answers with a body.
  const server = createServer({ requireHostHeader: false }, listener);
  // A client that half-closes after its request (`nc -q`, some scripts) still gets the answer:
  // Node's own switch for it (read in socketOnEnd), off by default.
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket));
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    logRefusal(405, 'method_not_allowed', 'CONNECT');
    closeWith(socket, 405, 'method_not_allowed', 'This server is no proxy: CONNECT is not taken.');
  });
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    logRefusal(417, 'expectation_failed', `Expect: ${(request.headers.expect ?? '').slice(0, 40)}`);
    const body = JSON.stringify({ error: 'expectation_failed', message: 'Only Expect: 100-continue is taken.' });
    response.writeHead(417, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body);
    request.resume();
  });
  return server;
}

/** The one line of a request no endpoint saw, in the request log's terms (README "Request log"). */
function logRefusal(status: number, error: string, why: string): void {
  logEvent('warn', 'request', { status, error, why });
}

function refusal(status: number, error: string, message: string): Response {
  logRefusal(status, error, message);
  return Response.json({ error, message }, { status, headers: { 'cache-control': 'no-store' } });
}

// Node keeps feeding a connection's bytes to its failed parser, so one connection can raise several errors.
const handled = new WeakSet<Duplex>();

/** What a parse error, a head past Node's 16 KB or a request timeout gets. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (handled.has(socket)) return;
  handled.add(socket);
  // Node's own field for the answer in progress on this connection (its default handler reads it too).
  const answering = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (answering !== undefined && answering.req.complete) {
    // The request before the garbage arrived whole (a Content-Length shorter than the body): its answer goes out, then the connection closes.
    if (answering.writableFinished) closeSoon(socket);
    else answering.once('close', () => closeSoon(socket));
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431 ? 'The request line and headers are larger than 16 KB.'
    : status === 408 ? 'The request did not arrive in time.'
    : answering !== undefined ? 'The connection was closed before the request body was complete.'
    : `This is not an HTTP request this server reads (${error.code ?? 'unreadable'}).`;
  // A request already being answered is logged by its endpoint; anything else gets its line here.
  if (answering === undefined) logRefusal(status, 'refused_by_http_parser', error.code ?? 'unreadable request');
  if (answering?.headersSent === true) socket.destroy();
  else closeWith(socket, status, status === 400 ? 'bad_request' : status === 431 ? 'headers_too_large' : 'request_timeout', message);
}

/** A whole response written straight to the socket, then the connection closed. */
function closeWith(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n`;
  closeSoon(socket, head + body);
}

/**
 * Ends our side (after `last`) and lets the sender close theirs: closing outright while its bytes
 * are still unread would reset the connection, and a reset can take the answer with it.
 */
function closeSoon(socket: Duplex, last?: string): void {
  socket.once('end', () => socket.destroy());
  socket.end(last);
  setTimeout(() => socket.destroy(), 5000).unref();
}
