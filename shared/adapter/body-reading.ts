import { MAX_BODY_BYTES } from './limits.js';
import type { ProblemLog } from './problem-log.js';
import { decodeUtf8 } from './utf8.js';

const TOO_LARGE = `body: larger than ${MAX_BODY_BYTES} bytes, ignored`;

/**
 * Reads the body as UTF-8 text, at most `MAX_BODY_BYTES`. A larger body is
 * ignored as a whole: half a form body would silently drop parameters.
 * Undefined when there is no body or it could not be read.
 */
export async function readBodyText(
  request: Request,
  problems: ProblemLog,
): Promise<string | undefined> {
  if (request.bodyUsed) {
    problems.add('body: already read by someone else, ignored');
    return undefined;
  }
  const declared = request.headers.get('content-length');
  let bytes: Uint8Array | null | undefined;
  try {
    // A declared length within the limit: the platform frames the body by it (Node's parser, Workers,
    // Lambda's buffered event), so it is read in one go, which @hono/node-server does straight from
    // the socket, without a web stream. Only an undeclared (chunked) body is counted as it streams.
    if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= MAX_BODY_BYTES) bytes = new Uint8Array(await request.arrayBuffer());
    else bytes = await readCounted(request.body, Number(declared ?? '0'));
  } catch {
    problems.add('body: could not be read, ignored');
    return undefined;
  }
  if (bytes === null) return undefined;
  if (bytes === undefined || bytes.byteLength > MAX_BODY_BYTES) {
    problems.add(TOO_LARGE);
    return undefined;
  }
  const { text, valid } = decodeUtf8(bytes);
  if (!valid) problems.add('body: not valid UTF-8, replaced bad bytes with U+FFFD');
  return text;
}

/** The body's bytes as they stream, or undefined once past the limit (null: no body). */
async function readCounted(body: ReadableStream<Uint8Array> | null, declaredLength: number): Promise<Uint8Array | null | undefined> {
  if (body === null) return null;
  if (declaredLength > MAX_BODY_BYTES) {
    void body.cancel().catch(() => undefined);
    return undefined;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // Content-Length can be absent or wrong (chunked uploads): count what arrives.
    totalBytes += value.byteLength;
    if (totalBytes > MAX_BODY_BYTES) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return concatenate(chunks, totalBytes);
}

function concatenate(chunks: readonly Uint8Array[], totalBytes: number): Uint8Array {
  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
