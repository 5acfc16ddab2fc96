import { PivotEdgeError } from '../errors.js';

/**
 * A pass-through that counts bytes: it fails with 413 past `maxBytes`, and with 500
 * (`upload_incomplete`, so the platform retries) when a declared length is not met.
 * `failure()` returns the error it raised, because some fetch/R2 implementations replace a body
 * stream's error with their own.
 */
export function byteLimit(
  maxBytes: number,
  expectedLength?: number,
): { readonly stream: TransformStream<Uint8Array, Uint8Array>; failure(): PivotEdgeError | undefined } {
  let total = 0;
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
      controller.enqueue(chunk);
    },
    flush() {
      if (expectedLength !== undefined && total !== expectedLength) fail(incomplete(total, expectedLength));
    },
  });
  return { stream, failure: () => raised };
}

export function tooLarge(maxBytes: number): PivotEdgeError {
  return new PivotEdgeError('recording_too_large', `The recording is larger than ${maxBytes} bytes (MAX_RECORDING_MB).`, 413, {
    maxBytes,
  });
}

/** A body shorter or longer than its declared length (500, so the platform retries). */
export function incomplete(received: number, expected: number): PivotEdgeError {
  return new PivotEdgeError('upload_incomplete', `The upload ended after ${received} of ${expected} bytes.`, 500, {
    received,
    expected,
  });
}
