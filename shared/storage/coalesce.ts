/** Hands on bytes in pieces of exactly `size` (the last may be shorter); see `byteLimit`. */
export interface Gatherer {
  push(chunk: Uint8Array, emit: (piece: Uint8Array) => void): void;
  flush(emit: (piece: Uint8Array) => void): void;
}

/**
 * Gathers small chunks into pieces of `size` bytes, so a body that arrives in tiny pieces (1-byte
 * HTTP chunks) costs one storage write per `size` bytes instead of one per chunk. It holds at
 * most one piece. `watch` sees each piece on its way (the audio meter).
 */
export function gatherer(size: number, watch?: (piece: Uint8Array) => void): Gatherer {
  let piece = new Uint8Array(size);
  let filled = 0;
  return {
    push(chunk, emit) {
      for (let at = 0; at < chunk.byteLength; ) {
        const used = Math.min(size - filled, chunk.byteLength - at);
        // For the few bytes of a tiny chunk a loop costs less than a typed-array view and copy.
        if (used < 16) for (let i = 0; i < used; i++) piece[filled + i] = chunk[at + i] as number;
        else piece.set(chunk.subarray(at, at + used), filled);
        filled += used;
        at += used;
        if (filled === size) {
          watch?.(piece);
          emit(piece);
          piece = new Uint8Array(size);
          filled = 0;
        }
      }
    },
    flush(emit) {
      if (filled === 0) return;
      const last = piece.subarray(0, filled);
      watch?.(last);
      emit(last);
    },
  };
}
