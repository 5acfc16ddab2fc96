/**
 * A streaming search for one delimiter (Knuth-Morris-Pratt): each byte is looked at once, however
 * the input is cut into pieces, and nothing is copied. Between pieces it keeps only how many
 * bytes of the delimiter matched so far; those bytes are, by construction, the delimiter's prefix.
 */
export class DelimiterScanner {
  /** Bytes of the delimiter matched at the end of the input seen so far. */
  held = 0;
  private readonly fallback: Int32Array;

  constructor(readonly delimiter: Uint8Array) {
    this.fallback = new Int32Array(delimiter.byteLength);
    for (let q = 1, k = 0; q < delimiter.byteLength; q++) {
      while (k > 0 && delimiter[q] !== delimiter[k]) k = this.fallback[k - 1] as number;
      if (delimiter[q] === delimiter[k]) k++;
      this.fallback[q] = k;
    }
  }

  /**
   * Feeds `piece` and hands `emit` what is certainly not part of the delimiter (views into
   * `piece` or into the delimiter, in order). Returns the index in `piece` just past a complete
   * delimiter (then `held` is 0 and the rest of `piece` is not looked at), or -1.
   */
  feed(piece: Uint8Array, emit: (bytes: Uint8Array) => void): number {
    const needle = this.delimiter;
    const heldBefore = this.held;
    const end = this.scan(piece);
    // The input is the held prefix followed by `piece`; everything before the held (or matched)
    // tail is content.
    const content = end === -1 ? heldBefore + piece.byteLength - this.held : heldBefore + end - needle.byteLength;
    const fromHeld = Math.min(heldBefore, content);
    if (fromHeld > 0) emit(needle.subarray(0, fromHeld));
    if (content > heldBefore) emit(piece.subarray(0, content - heldBefore));
    return end;
  }

  private scan(piece: Uint8Array): number {
    const needle = this.delimiter;
    const first = needle[0] as number;
    let k = this.held;
    let i = 0;
    while (i < piece.byteLength) {
      if (k === 0) {
        // Native search to the next possible start: the common case costs no per-byte JS.
        const at = piece.indexOf(first, i);
        if (at === -1) break;
        i = at + 1;
        k = 1;
      } else {
        const byte = piece[i] as number;
        while (k > 0 && byte !== needle[k]) k = this.fallback[k - 1] as number;
        if (byte === needle[k]) k++;
        i++;
      }
      if (k === needle.byteLength) {
        this.held = 0;
        return i;
      }
    }
    this.held = k;
    return -1;
  }
}
