const DEFAULT_PIECE = 64 * 1024;

/**
 * The same bytes in pieces of exactly `size` (the last may be shorter, and pieces already that
 * large pass through uncopied): a body that arrives in tiny pieces (1-byte HTTP chunks) costs one
 * storage write per `size` bytes instead of one per piece. Nothing is read ahead of the consumer.
 */
export function coalesced(body: ReadableStream<Uint8Array>, size = DEFAULT_PIECE): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let out = new Uint8Array(size);
  let filled = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            if (filled > 0) controller.enqueue(out.subarray(0, filled));
            controller.close();
            return;
          }
          if (filled === 0 && value.byteLength >= size) {
            controller.enqueue(value);
            return;
          }
          let full = false;
          for (let offset = 0; offset < value.byteLength; ) {
            const take = Math.min(size - filled, value.byteLength - offset);
            // A typed-array copy costs more than a loop for the few bytes of a tiny piece.
            if (take < 16) for (let i = 0; i < take; i++) out[filled + i] = value[offset + i] as number;
            else out.set(value.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled === size) {
              controller.enqueue(out);
              out = new Uint8Array(size);
              filled = 0;
              full = true;
            }
          }
          if (full) return;
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
