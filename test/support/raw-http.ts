// A raw HTTP/1.1 exchange on a plain socket, for what no HTTP client would send: bytes that are not
// HTTP, lying lengths, a half-close, a body that stops. Answers are read by the fuzzer's parser.
import { connect, type Socket } from 'node:net';
import { parseResponse, type WireAnswer } from '../../tools/fuzz/wire.js';

export type { WireAnswer };

/** Sends `bytes` to 127.0.0.1:`port` (then half-closes with `halfClose`) and reads one answer. */
export function rawExchange(port: number, bytes: string | Buffer, { halfClose = false, head = false, deadlineMs = 10_000 } = {}): Promise<WireAnswer> {
  const held = holdOpen(port, bytes, { head, deadlineMs });
  if (halfClose) held.socket.end();
  return held.answer;
}

/** Like rawExchange, but the socket stays open for more: `send` writes, `answer` resolves with the response. */
export function holdOpen(port: number, bytes: string | Buffer, { head = false, deadlineMs = 10_000 } = {}): { readonly socket: Socket; send(more: string | Buffer): void; readonly answer: Promise<WireAnswer> } {
  const socket = connect(port, '127.0.0.1');
  socket.write(bytes);
  const answer = new Promise<WireAnswer>((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (found: WireAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(found);
    };
    const timer = setTimeout(() => finish({ outcome: 'timeout', status: 0, headers: {}, body: Buffer.alloc(0) }), deadlineMs);
    const attempt = (ended: boolean): void => {
      const parsed = parseResponse(received, head, ended);
      if (parsed !== undefined) finish(parsed);
      else if (ended) finish({ outcome: 'closed', status: 0, headers: {}, body: received });
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      attempt(false);
    });
    socket.on('end', () => attempt(true));
    socket.on('close', () => attempt(true));
    socket.on('error', () => attempt(true));
  });
  return { socket, send: (more) => void socket.write(more), answer };
}

/** The head of a request: `method target`, the headers given, `Connection: close`. */
export function requestHead(method: string, target: string, headers: Record<string, string | number> = {}): string {
  const lines = Object.entries({ Host: 'pivot.example.com', Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `${method} ${target} HTTP/1.1\r\n${lines.join('')}\r\n`;
}
