/**
 * Reads a byte stream in pieces of exactly `size` bytes (the last one may be shorter), for
 * multipart uploads of unknown length. Holds at most one piece plus one source chunk in memory.
 */
export function pieces(body: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Uint8Array<ArrayBuffer>> & {
  cancel(reason: unknown): Promise<void>;
} {
  const reader = body.getReader();
  let carry: Uint8Array = new Uint8Array(0);
  async function* generate(): AsyncGenerator<Uint8Array<ArrayBuffer>> {
    let done = false;
    while (!done) {
      const piece = new Uint8Array(size);
      let filled = 0;
      while (filled < size) {
        if (carry.byteLength === 0) {
          const next = await reader.read();
          if (next.done) {
            done = true;
            break;
          }
          carry = next.value;
        }
        const take = Math.min(size - filled, carry.byteLength);
        piece.set(carry.subarray(0, take), filled);
        filled += take;
        carry = carry.subarray(take);
      }
      if (filled > 0) yield filled === size ? piece : piece.slice(0, filled);
    }
  }
  return Object.assign(generate(), { cancel: (reason: unknown) => reader.cancel(reason) });
}
