// A raw HTTP/1.1 exchange on a plain socket, for what no HTTP client would send: bytes that are not
// HTTP, lying lengths, a half-close, a body that stops. The fuzzer's client (tools/fuzz/wire.ts).
import { openExchange, type OpenExchange, type WireAnswer } from '../../tools/fuzz/wire.js';

export type { WireAnswer };

/** Sends `bytes` to 127.0.0.1:`port` (then half-closes with `halfClose`) and reads one answer. */
export function rawExchange(port: number, bytes: string | Buffer, { halfClose = false, head = false, deadlineMs = 10_000 } = {}): Promise<WireAnswer> {
  const open = openExchange(port, bytes, { head, deadlineMs });
  if (halfClose) open.socket.end();
  return open.answer;
}

/** Like rawExchange, but the connection stays open for more (`send`) until the answer. */
export function holdOpen(port: number, bytes: string | Buffer, options: { readonly head?: boolean; readonly deadlineMs?: number } = {}): OpenExchange {
  return openExchange(port, bytes, options);
}

/** The head of a request: `method target`, the headers given, `Connection: close`. */
export function requestHead(method: string, target: string, headers: Record<string, string | number> = {}): string {
  const lines = Object.entries({ Host: 'pivot.example.com', Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `${method} ${target} HTTP/1.1\r\n${lines.join('')}\r\n`;
}
