import { frameHeader, tagFrames, type Mp3Frame } from './mp3-frame.js';

// Enough of the first MP3 frame for a Xing/Info tag (after the side information) or VBRI (at 36).
const FIRST_FRAME_BYTES = 56;
const ascii = (b: Uint8Array, at: number, length: number): string => String.fromCharCode(...b.subarray(at, at + length));
const u32le = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

/**
 * Measures audio fed to it piece by piece, for uploads whose sender did not say how long they are. WAV: the `data` bytes over the `fmt ` byte rate (a streaming recorder's
 * unsized or a cut file's data counts as it arrived). MP3 Layer III (after any ID3v2 tag): the frame count
 * of a Xing/Info or VBRI tag when the first frame has one, else the frames counted; bytes that
 * are no frame like the first are skipped up to the next sync. Memory stays fixed, each byte is
 * looked at about once; `seconds()` (once everything is fed) is undefined for other formats.
 */
export function audioMeter(): { feed(piece: Uint8Array): void; seconds(): number | undefined } {
  let total = 0;
  // The parser asks for `want` bytes at offset `next` (or, when seeking, the next 0xFF from there).
  let next = 0;
  let want = 12;
  let seeking = false;
  let done = false;
  const held = new Uint8Array(FIRST_FRAME_BYTES);
  let have = 0;
  let format: 'wav' | 'mp3' | undefined;
  let byteRate = 0;
  let dataStart = -1;
  let dataSize = 0;
  let chunkEnd = 0;
  let first: Mp3Frame | undefined;
  let samples = 0;
  let tagged: number | undefined;

  const wav = (b: Uint8Array, at: number): void => {
    if (want === 16) {
      byteRate = u32le(b, 8);
      [next, want] = [chunkEnd, 8];
      return;
    }
    const size = u32le(b, 4);
    chunkEnd = at + 8 + size + (size & 1);
    if (ascii(b, 0, 4) === 'data') [dataStart, dataSize, done] = [at + 8, size, true];
    else if (ascii(b, 0, 4) === 'fmt ' && size >= 16) [next, want] = [at + 8, 16];
    else next = chunkEnd;
  };

  const mp3 = (b: Uint8Array, at: number): void => {
    if (want > 4 && first !== undefined) {
      tagged = tagFrames(first, b);
      done = tagged !== undefined;
      samples += first.samples;
      [next, want] = [at + first.length, 4];
      return;
    }
    const frame = frameHeader(b);
    // The first frame opens the stream (or follows its ID3 tag); later junk is skipped.
    if (first === undefined && frame === undefined) done = true;
    else if (frame === undefined || (first !== undefined && (frame.version !== first.version || frame.rate !== first.rate))) {
      [next, seeking] = [at + 1, true];
    } else if (first === undefined) [first, want] = [frame, Math.min(FIRST_FRAME_BYTES, frame.length)];
    else [samples, next] = [samples + frame.samples, at + frame.length];
  };

  const step = (b: Uint8Array, at: number): void => {
    if (format === 'wav') return wav(b, at);
    if (format === 'mp3') return mp3(b, at);
    if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE') [format, next, want] = ['wav', 12, 8];
    else if (ascii(b, 0, 3) === 'ID3') {
      const size = b.subarray(6, 10).reduce((sum, byte) => sum * 128 + (byte & 0x7f), 0);
      [format, next, want] = ['mp3', 10 + size + ((b[5] ?? 0) & 0x10 ? 10 : 0), 4];
    } else [format, next, want] = ['mp3', 0, 4];
  };

  // `piece` holds the stream's bytes from offset `base`. A step may go back into the bytes it was
  // just given (to read them again with a longer `want`): those are replayed from a copy.
  const run = (piece: Uint8Array, base: number): void => {
    while (!done) {
      let at = next + have - base;
      if (seeking) {
        const found = piece.indexOf(0xff, Math.max(0, at));
        if (found === -1) return;
        [next, seeking, at] = [base + found, false, found];
      }
      if (at >= piece.byteLength) return;
      const used = Math.min(want - have, piece.byteLength - at);
      held.set(piece.subarray(at, at + used), have);
      if ((have += used) < want) return;
      const [from, length] = [next, want];
      have = 0;
      step(held.subarray(0, length), from);
      if (!done && next < from + length) run(held.slice(next - from, length), next);
    }
  };

  const feed = (piece: Uint8Array): void => {
    const base = total;
    total += piece.byteLength;
    run(piece, base);
  };
  const seconds = (): number | undefined => {
    if (format === 'wav') {
      const arrived = total - dataStart;
      return dataStart < 0 || byteRate === 0 ? undefined : (dataSize > 0 && dataSize <= arrived ? dataSize : arrived) / byteRate;
    }
    const count = tagged === undefined ? samples : tagged * (first?.samples ?? 0);
    return first === undefined || count === 0 ? undefined : count / first.rate;
  };
  return { feed, seconds };
}
