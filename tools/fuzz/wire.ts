// A raw HTTP/1.1 client on a plain socket: it sends exactly what a case says (lying lengths, bad
// chunks, bytes no URL parser takes) and reads one answer, within a deadline.
import { connect, type Socket } from 'node:net';
import type { FuzzCase } from './case.js';

export interface WireAnswer {
  /** `answered`: a whole response; `closed`: the server closed without one; `timeout`: none within the deadline. */
  readonly outcome: 'answered' | 'closed' | 'timeout';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** The bytes of a case: the head (framing headers added), then the body pieces, then whether to half-close. */
export function wireBytes(fuzz: FuzzCase): { readonly head: Buffer; readonly pieces: readonly Buffer[]; readonly halfClose: boolean } {
  const body = Buffer.from(fuzz.body.buffer, fuzz.body.byteOffset, fuzz.body.byteLength);
  const framing = fuzz.framing;
  const headers = fuzz.headers.map(([name, value]) => `${name}: ${value}\r\n`);
  let pieces: Buffer[] = [body];
  const carriesBody = body.byteLength > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(fuzz.method);
  if (framing.kind === 'length' && carriesBody) headers.push(`Content-Length: ${body.byteLength}\r\n`);
  if (framing.kind === 'short-length' || framing.kind === 'long-length-then-close' || framing.kind === 'long-length-then-wait') headers.push(`Content-Length: ${framing.declared}\r\n`);
  if (framing.kind === 'chunked' || framing.kind === 'bad-chunks') {
    headers.push('Transfer-Encoding: chunked\r\n');
    if (framing.kind === 'bad-chunks') pieces = [Buffer.from(`zz\r\n${body.toString('latin1')}\r\n0\r\n\r\n`, 'latin1')];
    else {
      pieces = [];
      let at = 0;
      for (const size of framing.sizes) {
        pieces.push(Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), body.subarray(at, at + size), Buffer.from('\r\n')]));
        at += size;
      }
      pieces.push(Buffer.from('0\r\n\r\n'));
    }
  }
  // Latin-1: each character of the target is one byte on the wire, as the case wrote it.
  const head = Buffer.from(`${fuzz.method} ${fuzz.target} HTTP/1.1\r\n${headers.join('')}\r\n`, 'latin1');
  return { head, pieces: coalesce(pieces), halfClose: framing.kind === 'long-length-then-close' };
}

// Thousands of 1-byte chunks go out in a few writes: the server still sees every chunk boundary.
function coalesce(pieces: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < pieces.length; at += 512) out.push(Buffer.concat(pieces.slice(at, at + 512)));
  return out;
}

/** Sends one case to `port` on 127.0.0.1 and reads its answer (a HEAD's has no body). */
export function exchange(port: number, fuzz: FuzzCase, deadlineMs: number): Promise<WireAnswer> {
  const { head, pieces, halfClose } = wireBytes(fuzz);
  const open = openExchange(port, head, { head: fuzz.method === 'HEAD', deadlineMs });
  for (const piece of pieces) open.send(piece);
  if (halfClose) open.socket.end();
  return open.answer;
}

/** A connection that has sent `first`: `send` writes more, `answer` resolves with the one response read. */
export interface OpenExchange {
  readonly socket: Socket;
  send(more: string | Buffer): void;
  readonly answer: Promise<WireAnswer>;
}

/** Opens a connection to 127.0.0.1:`port`, sends `first`, and reads one response within `deadlineMs` (no body for `head`). */
export function openExchange(port: number, first: string | Buffer, { head = false, deadlineMs = 10_000 } = {}): OpenExchange {
  const socket = connect(port, '127.0.0.1');
  // Written before the connection is up: Node queues it.
  socket.write(first);
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
    // The server may answer (413, 503) and close before the whole body is written: the answer read so far counts.
    socket.on('error', () => attempt(true));
  });
  return { socket, send: (more) => void (socket.destroyed || socket.write(more)), answer };
}

/** One response from the start of `bytes`, skipping 1xx; undefined while incomplete. */
export function parseResponse(bytes: Buffer, isHead: boolean, ended: boolean): WireAnswer | undefined {
  let start = 0;
  for (;;) {
    const end = bytes.indexOf('\r\n\r\n', start);
    if (end === -1) return undefined;
    const lines = bytes.subarray(start, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyStart = end + 4;
    if (status >= 100 && status < 200) {
      start = bodyStart;
      continue;
    }
    if (isHead || status === 204 || status === 304) return { outcome: 'answered', status, headers, body: Buffer.alloc(0) };
    if (headers['transfer-encoding']?.toLowerCase() === 'chunked') return dechunk(bytes.subarray(bodyStart), status, headers);
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (bytes.byteLength - bodyStart < length) return undefined;
      return { outcome: 'answered', status, headers, body: bytes.subarray(bodyStart, bodyStart + length) };
    }
    return ended ? { outcome: 'answered', status, headers, body: bytes.subarray(bodyStart) } : undefined;
  }
}

function dechunk(bytes: Buffer, status: number, headers: Record<string, string>): WireAnswer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = bytes.indexOf('\r\n', at);
    if (line === -1) return undefined;
    const size = Number.parseInt(bytes.subarray(at, line).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return { outcome: 'answered', status, headers, body: Buffer.concat(parts) };
    if (bytes.byteLength < line + 2 + size + 2) return undefined;
    parts.push(bytes.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}
