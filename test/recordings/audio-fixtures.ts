/** A real PCM WAV file: 16-bit mono 8 kHz sine, as FreeSWITCH records `wav`. */
export function makeWav(seconds: number): Uint8Array<ArrayBuffer> {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  const text = (offset: number, value: string) => [...value].forEach((ch, i) => view.setUint8(offset + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  return out;
}

/** A real MP3 file: MPEG-1 Layer III 128 kbps 44.1 kHz frames of silence (417 bytes, 26 ms each). */
export function makeMp3(seconds: number): Uint8Array<ArrayBuffer> {
  const frames = Math.ceil((seconds * 44100) / 1152);
  const out = new Uint8Array(frames * 417);
  for (let f = 0; f < frames; f++) out.set([0xff, 0xfb, 0x90, 0x44], f * 417);
  return out;
}
