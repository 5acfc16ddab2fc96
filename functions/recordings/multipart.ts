import { PivotEdgeError } from '../../shared/errors.js';

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
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The boundary of a `multipart/form-data; boundary=...` content type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Finds the first part with a file name (or an audio/octet-stream type) without buffering it:
 * its body streams until the closing delimiter; fields before it are kept (bounded sizes).
 */
export async function firstFilePart(body: ReadableStream<Uint8Array>, boundary: string): Promise<FilePart> {
  const source = new ByteSource(body);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  // Prepending CRLF lets the first boundary match the same delimiter as the others.
  source.unshift(encoder.encode('\r\n'));
  await source.skipPast(delimiter, MAX_FIELD);
  const fields: Record<string, string> = {};
  for (let part = 0; part < MAX_PARTS; part++) {
    const after = await source.take(2);
    if (decoder.decode(after) === '--') break;
    const head = decoder.decode(await source.readUntil(encoder.encode('\r\n\r\n'), MAX_HEAD));
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    const fileName = /filename="([^"]*)"/i.exec(disposition)?.[1];
    const contentType = /^content-type:\s*([^\r\n]*)$/im.exec(head)?.[1]?.trim();
    if (fileName !== undefined || (contentType !== undefined && /^(audio\/|application\/octet-stream)/i.test(contentType))) {
      return {
        ...(fileName === undefined ? {} : { fileName }),
        ...(contentType === undefined ? {} : { contentType }),
        body: source.streamUntil(delimiter),
        fields,
      };
    }
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const value = decoder.decode(await source.readUntil(delimiter, MAX_FIELD));
    if (name !== undefined) fields[name] = value;
  }
  await source.cancel();
  throw new PivotEdgeError('no_file_part', 'The multipart upload carries no file part.', 400);
}

class ByteSource {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  unshift(bytes: Uint8Array): void {
    this.buffer = concat(bytes, this.buffer);
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
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

  private async more(): Promise<void> {
    const { done, value } = await this.reader.read();
    if (done) throw new PivotEdgeError('upload_incomplete', 'The multipart upload ended early.', 500);
    this.buffer = concat(this.buffer, value);
  }

  async take(count: number): Promise<Uint8Array> {
    while (this.buffer.byteLength < count) await this.more();
    const out = this.buffer.slice(0, count);
    this.buffer = this.buffer.subarray(count);
    return out;
  }

  /** Bytes up to `needle` (which is consumed too); at most `max` bytes before it. */
  async readUntil(needle: Uint8Array, max: number): Promise<Uint8Array> {
    for (;;) {
      const at = indexOf(this.buffer, needle);
      if (at >= 0) {
        const out = this.buffer.slice(0, at);
        this.buffer = this.buffer.subarray(at + needle.byteLength);
        return out;
      }
      if (this.buffer.byteLength > max + needle.byteLength) {
        throw new PivotEdgeError('bad_multipart', 'A multipart header or field is too large.', 400);
      }
      await this.more();
    }
  }

  async skipPast(needle: Uint8Array, max: number): Promise<void> {
    await this.readUntil(needle, max);
  }

  /** A stream of the bytes up to `needle`, holding back only what could be its start. */
  streamUntil(needle: Uint8Array): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        for (;;) {
          const at = indexOf(this.buffer, needle);
          if (at >= 0) {
            if (at > 0) controller.enqueue(this.buffer.slice(0, at));
            this.buffer = new Uint8Array(0);
            controller.close();
            await this.drain();
            return;
          }
          const safe = this.buffer.byteLength - (needle.byteLength - 1);
          if (safe > 0) {
            controller.enqueue(this.buffer.slice(0, safe));
            this.buffer = this.buffer.slice(safe);
            return;
          }
          await this.more();
        }
      },
      cancel: () => this.cancel(),
    });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  if (b.byteLength === 0) return a;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.byteLength - needle.byteLength;
  outer: for (let i = 0; i <= last; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.byteLength; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
