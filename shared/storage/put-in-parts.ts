import { pieces } from './chunks.js';
import { incomplete } from './limit.js';

type Bytes = Uint8Array<ArrayBuffer>;

/** One multipart upload in progress, in a backend's own terms. */
export interface PartUpload {
  part(partNumber: number, data: Bytes): Promise<void>;
  complete(): Promise<void>;
  abort(): Promise<void>;
}

/** How a backend stores an object of unknown length: whole when it is small, else in parts. */
export interface PartSink {
  putWhole(data: Bytes): Promise<void>;
  begin(): Promise<PartUpload>;
}

/**
 * Store a stream holding at most one `partSize` piece in memory: a body that fits one piece is a
 * single put, anything longer a multipart upload, aborted on any error so nothing half-written
 * remains. The backend only ever receives whole pieces, never a stream that might break. With
 * `expectedLength`, a body of any other length fails (400 `upload_incomplete`) before anything is
 * committed. Returns the bytes stored.
 */
export async function putInParts(body: ReadableStream<Uint8Array>, partSize: number, sink: PartSink, expectedLength?: number): Promise<number> {
  const checkLength = (bytes: number): void => {
    if (expectedLength !== undefined && bytes !== expectedLength) throw incomplete(bytes, expectedLength);
  };
  // A declared length that fits one piece is read into a buffer of that size (plus one byte, to notice a longer body).
  const chunks = pieces(body, expectedLength !== undefined && expectedLength < partSize ? expectedLength + 1 : partSize);
  const first = await chunks.next();
  const second = first.done ? first : await chunks.next();
  if (first.done || second.done) {
    const data = first.done ? new Uint8Array(0) : first.value;
    checkLength(data.byteLength);
    await sink.putWhole(data);
    return data.byteLength;
  }
  if (expectedLength !== undefined && expectedLength < partSize) {
    await chunks.cancel(incomplete(expectedLength + 1, expectedLength)).catch(() => undefined);
    throw incomplete(expectedLength + 1, expectedLength);
  }
  const upload = await sink.begin();
  let bytes = 0;
  let partNumber = 0;
  const send = async (piece: Bytes): Promise<void> => {
    await upload.part((partNumber += 1), piece);
    bytes += piece.byteLength;
  };
  try {
    await send(first.value);
    await send(second.value);
    for await (const piece of chunks) await send(piece);
    checkLength(bytes);
    await upload.complete();
    return bytes;
  } catch (error) {
    await chunks.cancel(error).catch(() => undefined);
    await upload.abort().catch(() => undefined);
    throw error;
  }
}
