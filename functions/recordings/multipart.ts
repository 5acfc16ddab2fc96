import { PivotEdgeError } from '../../shared/errors.js';
import { DelimiterScanner } from './delimiter.js';

/** The one file part of a multipart/form-data upload, streamed, plus the small fields before it. */
export interface FilePart {
  readonly fileName?: string;
  readonly contentType?: string;
  readonly body: ReadableStream<Uint8Array>;
  readonly fields: Readonly<Record<string, string>>;
}

const MAX_HEAD = 16 * 1024;
const MAX_FIELD = 16 * 1024;
const MAX_PARTS = 20;
const OUT_PIECE = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEAD_END = encoder.encode('\r\n\r\n');

/** The boundary of a `multipart/form-data; boundary=...` content type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Finds the first part with a file name (or an audio/octet-stream type) without buffering it:
 * its body streams until the closing delimiter; fields before it are kept (bounded sizes).
 * Each byte is scanned once and copied at most once, whatever the pieces the body arrives in.
 */
export async function firstFilePart(body: ReadableStream<Uint8Array>, boundary: string): Promise<FilePart> {
  const source = new ByteSource(body);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  // Starting as if CRLF had been seen lets the first boundary match the same delimiter as the others.
  const preamble = new DelimiterScanner(delimiter);
  preamble.held = 2;
  await source.readUntil(preamble, MAX_FIELD);
  const fields: Record<string, string> = {};
  for (let part = 0; part < MAX_PARTS; part++) {
    if (decoder.decode(await source.take(2)) === '--') break;
    const head = decoder.decode(await source.readUntil(new DelimiterScanner(HEAD_END), MAX_HEAD));
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    const fileName = /filename="([^"]*)"/i.exec(disposition)?.[1];
    const contentType = /^content-type:\s*([^\r\n]*)$/im.exec(head)?.[1]?.trim();
    if (fileName !== undefined || (contentType !== undefined && /^(audio\/|application\/octet-stream)/i.test(contentType))) {
      return {
        ...(fileName === undefined ? {} : { fileName }),
        ...(contentType === undefined ? {} : { contentType }),
        body: source.streamUntil(new DelimiterScanner(delimiter)),
        fields,
      };
    }
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const value = decoder.decode(await source.readUntil(new DelimiterScanner(delimiter), MAX_FIELD));
    if (name !== undefined) fields[name] = value;
  }
  await source.cancel();
  throw new PivotEdgeError('no_file_part', 'The multipart upload carries no file part.', 400);
}

/** The request body as a cursor: the unread rest of the current piece, then the next pieces. */
class ByteSource {
  private pending: Uint8Array = new Uint8Array(0);
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
  }

  /** The unread bytes of the current piece, reading the next one when it is used up. */
  private async current(): Promise<Uint8Array> {
    while (this.pending.byteLength === 0) {
      const { done, value } = await this.reader.read();
      if (done) throw new PivotEdgeError('upload_incomplete', 'The multipart upload ended early.', 400);
      this.pending = value;
    }
    return this.pending;
  }

  /** Feeds the scanner from the current piece; true once the delimiter is consumed. */
  private async step(scanner: DelimiterScanner, emit: (bytes: Uint8Array) => void): Promise<boolean> {
    const piece = await this.current();
    const end = scanner.feed(piece, emit);
    this.pending = end === -1 ? new Uint8Array(0) : piece.subarray(end);
    return end !== -1;
  }

  async take(count: number): Promise<Uint8Array> {
    const out = new Uint8Array(count);
    for (let filled = 0; filled < count; ) {
      const piece = await this.current();
      const used = Math.min(count - filled, piece.byteLength);
      out.set(piece.subarray(0, used), filled);
      this.pending = piece.subarray(used);
      filled += used;
    }
    return out;
  }

  /** The bytes before the delimiter (which is consumed too); at most `max` of them. */
  async readUntil(scanner: DelimiterScanner, max: number): Promise<Uint8Array> {
    const out = new Uint8Array(max);
    let filled = 0;
    const keep = (bytes: Uint8Array): void => {
      if (filled + bytes.byteLength > max) throw new PivotEdgeError('bad_multipart', 'A multipart header or field is too large.', 400);
      out.set(bytes, filled);
      filled += bytes.byteLength;
    };
    while (!(await this.step(scanner, keep)));
    return out.slice(0, filled);
  }

  /** A stream of the bytes before the delimiter, in pieces of about OUT_PIECE bytes. */
  streamUntil(scanner: DelimiterScanner): ReadableStream<Uint8Array> {
    let out = new Uint8Array(OUT_PIECE);
    let filled = 0;
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          let sent = false;
          const send = (bytes: Uint8Array): void => {
            controller.enqueue(bytes);
            sent = true;
          };
          const emit = (bytes: Uint8Array): void => {
            // Large views of the source go out as they are; small ones are gathered.
            if (filled === 0 && bytes.byteLength >= OUT_PIECE) return send(bytes);
            for (let offset = 0; offset < bytes.byteLength; ) {
              const used = Math.min(OUT_PIECE - filled, bytes.byteLength - offset);
              out.set(bytes.subarray(offset, offset + used), filled);
              filled += used;
              offset += used;
              if (filled === OUT_PIECE) {
                send(out);
                out = new Uint8Array(OUT_PIECE);
                filled = 0;
              }
            }
          };
          while (!sent) {
            if (await this.step(scanner, emit)) {
              if (filled > 0) controller.enqueue(out.subarray(0, filled));
              controller.close();
              await this.drain();
              return;
            }
          }
        },
        cancel: () => this.cancel(),
      },
      { highWaterMark: 0 },
    );
  }

  /** Reads out the epilogue (a few bytes) so the connection stays usable; gives up past 64 KiB. */
  private async drain(): Promise<void> {
    for (let read = 0; read < 64 * 1024; ) {
      const next = await this.reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) return;
      read += next.value.byteLength;
    }
    await this.cancel();
  }
}
