import { PivotEdgeError } from '../errors.js';
import type { Gatherer } from './coalesce.js';

/**
 * A pass-through that counts bytes: it fails with 413 past `maxBytes`, and with 400
 * (`upload_incomplete`) when a declared length is not met.
 * `failure()` returns the error it raised, because some fetch/R2 implementations replace a body
 * stream's error with their own. With `pieces`, it also hands the bytes on in that gatherer's
 * pieces: one stream stage, not two, per chunk.
 */
export function byteLimit(
  maxBytes: number,
  expectedLength?: number,
  pieces?: Gatherer,
): { readonly stream: TransformStream<Uint8Array, Uint8Array>; failure(): PivotEdgeError | undefined } {
  let total = 0;
  // The controller stays the same for the stream's life: one closure, not one per chunk.
  let emit: ((piece: Uint8Array) => void) | undefined;
  let raised: PivotEdgeError | undefined;
  const fail = (error: PivotEdgeError): never => {
    raised = error;
    throw error;
  };
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) fail(tooLarge(maxBytes));
      if (expectedLength !== undefined && total > expectedLength) fail(incomplete(total, expectedLength));
      if (pieces === undefined) controller.enqueue(chunk);
      else pieces.push(chunk, (emit ??= (piece) => controller.enqueue(piece)));
    },
    flush(controller) {
      if (expectedLength !== undefined && total !== expectedLength) fail(incomplete(total, expectedLength));
      pieces?.flush((piece) => controller.enqueue(piece));
    },
  });
  return { stream, failure: () => raised };
}

export function tooLarge(maxBytes: number): PivotEdgeError {
  return new PivotEdgeError('recording_too_large', `The recording is larger than ${maxBytes} bytes (MAX_RECORDING_MB).`, 413, {
    maxBytes,
  });
}

/**
 * A body shorter or longer than its declared length: the sender's mistake, so 400. Kazoo retries
 * a failed upload whatever the status (README "What the endpoint accepts").
 */
export function incomplete(received: number, expected: number): PivotEdgeError {
  return new PivotEdgeError('upload_incomplete', `The upload ended after ${received} of ${expected} bytes.`, 400, {
    received,
    expected,
  });
}
