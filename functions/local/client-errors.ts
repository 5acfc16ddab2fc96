import type { Socket } from 'node:net';
import { logEvent } from '../../shared/http/log.js';

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Requests Node's HTTP parser refuses before any app sees them (a 60 KB Call-ID in a GET overflows
 * its 16 KB header limit) get the same answer Node gives, and a log line saying so: otherwise the
 * owner would never learn that Kazoo's request was turned away.
 */
export function logClientErrors(server: { on(event: 'clientError', listener: (error: NodeJS.ErrnoException, socket: Socket) => void): unknown }): void {
  server.on('clientError', (error, socket) => {
    // A peer that went away mid-request is not a refused request.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    logEvent('warn', 'request', { status, error: 'refused_by_http_parser', why: error.code ?? 'unreadable request' });
    socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}
