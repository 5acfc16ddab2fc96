import { pieces } from './chunks.js';

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
 * Store a stream of unknown length holding at most one `partSize` piece in memory: a body that
 * fits one piece is a single put, anything longer a multipart upload, aborted on any error so
 * nothing half-written remains. Returns the bytes stored.
 */
export async function putInParts(body: ReadableStream<Uint8Array>, partSize: number, sink: PartSink): Promise<number> {
  const chunks = pieces(body, partSize);
  const first = await chunks.next();
  const second = first.done ? first : await chunks.next();
  if (first.done || second.done) {
    const data = first.done ? new Uint8Array(0) : first.value;
    await sink.putWhole(data);
    return data.byteLength;
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
    await upload.complete();
    return bytes;
  } catch (error) {
    await chunks.cancel(error).catch(() => undefined);
    await upload.abort().catch(() => undefined);
    throw error;
  }
}
