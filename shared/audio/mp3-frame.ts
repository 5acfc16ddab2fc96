// MPEG audio Layer III frame headers (ISO 11172-3, 13818-3), what every MP3 recorder writes:
// kbit/s / 8 by [MPEG-1, MPEG-2/2.5] and bitrate index 1-14; sample rates by the version bits.
const BITRATES = ['4,5,6,7,8,10,12,14,16,20,24,28,32,40', '1,2,3,4,5,6,7,8,10,12,14,16,18,20'].map((row) => row.split(',').map((n) => Number(n) * 8));
const RATES: Readonly<Record<number, readonly number[]>> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] };

export interface Mp3Frame {
  /** Version bits: 0 MPEG-2.5, 2 MPEG-2, 3 MPEG-1. */
  readonly version: number;
  readonly rate: number;
  readonly samples: number;
  readonly length: number;
  readonly mono: boolean;
}

/** A 4-byte Layer III frame header; undefined unless valid and not free-format. */
export function frameHeader(b: Uint8Array): Mp3Frame | undefined {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
  if (b0 !== 0xff || (b1 & 0xe6) !== 0xe2) return undefined;
  const version = (b1 >> 3) & 3;
  const bitrate = BITRATES[version === 3 ? 0 : 1]?.[(b2 >> 4) - 1];
  const rate = RATES[version]?.[(b2 >> 2) & 3];
  if (bitrate === undefined || rate === undefined) return undefined;
  const samples = version === 3 ? 1152 : 576;
  return { version, rate, samples, length: Math.floor((125 * samples * bitrate) / rate) + ((b2 >> 1) & 1), mono: b3 >> 6 === 3 };
}

/** The frame count of a Xing/Info or VBRI tag in the first frame (`head`: its first bytes). */
export function tagFrames(frame: Mp3Frame, head: Uint8Array): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const text = (at: number): string => String.fromCharCode(...head.subarray(at, at + 4));
  const xing = 4 + (frame.version === 3 ? (frame.mono ? 17 : 32) : frame.mono ? 9 : 17);
  if (head.byteLength >= xing + 12 && /^(Xing|Info)$/.test(text(xing)) && (view.getUint32(xing + 4) & 1) === 1) return view.getUint32(xing + 8);
  if (head.byteLength >= 54 && text(36) === 'VBRI') return view.getUint32(50);
  return undefined;
}
