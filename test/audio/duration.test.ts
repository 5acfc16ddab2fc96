// Duration from the audio itself, checked against what `sox --i -D` says. The committed
// fixtures (a few KB, made with espeak-ng, sox and lame; their sox durations are in
// sox-durations.json) keep the core assertions running anywhere; with those tools installed,
// fresh speech in more formats is generated and compared with sox live.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audioMeter } from '../../shared/audio/duration.js';
import { frameHeader } from '../../shared/audio/mp3-frame.js';
import { bytes } from '../storage/contract.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/audio');
const SOX_SAYS = JSON.parse(readFileSync(join(FIXTURES, 'sox-durations.json'), 'utf8')) as Record<string, number>;

/** Runs the meter over `data` fed in `piece`-byte pieces. */
function measure(data: Uint8Array, piece: number): number | undefined {
  const meter = audioMeter();
  for (let at = 0; at < data.byteLength; at += piece) meter.feed(data.subarray(at, at + piece));
  return meter.seconds();
}

/**
 * How far an MP3 may differ from sox: sox may trim LAME's encoder delay and padding (gapless
 * playback) or count a Xing/Info frame as audio; that is at most three frames.
 */
function tolerance(data: Uint8Array, name: string): number {
  if (name.endsWith('.wav')) return 0.001;
  let at = 0;
  if (String.fromCharCode(...data.subarray(0, 3)) === 'ID3') at = 10 + data.subarray(6, 10).reduce((sum, b) => sum * 128 + (b & 0x7f), 0);
  const frame = frameHeader(data.subarray(at, at + 4));
  if (frame === undefined) throw new Error(`${name}: no MP3 frame where expected`);
  return (3 * frame.samples) / frame.rate;
}

function hasTools(...tools: string[]): boolean {
  return tools.every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

describe('audio duration, committed fixtures', () => {
  it.each(Object.keys(SOX_SAYS))('%s: matches sox, in any piece size', async (name) => {
    const data = new Uint8Array(readFileSync(join(FIXTURES, name)));
    const expected = SOX_SAYS[name] as number;
    for (const piece of [1, 3, 417, 65_536]) {
      expect(Math.abs(((measure(data, piece)) ?? NaN) - expected)).toBeLessThanOrEqual(tolerance(data, name));
    }
    if (hasTools('sox')) expect(Number(execFileSync('sox', ['--i', '-D', join(FIXTURES, name)]).toString())).toBeCloseTo(expected, 3);
  });

  it('reads the frame count of the Xing tag (VBR) and counts frames without one (CBR)', async () => {
    const vbr = new Uint8Array(readFileSync(join(FIXTURES, 'vbr-xing-8khz.mp3')));
    const cbr = new Uint8Array(readFileSync(join(FIXTURES, 'cbr-16k-8khz.mp3')));
    expect(String.fromCharCode(...vbr.subarray(13, 17))).toBe('Xing');
    // Cut the VBR file after its first frame: the tag still says the whole length.
    const first = frameHeader(vbr.subarray(0, 4))?.length ?? 0;
    expect(measure(vbr.subarray(0, first + 10), 64)).toBeCloseTo(SOX_SAYS['vbr-xing-8khz.mp3'] as number, 2);
    // Cutting a CBR file (no tag) shortens what is counted, frame by frame.
    const frame = frameHeader(cbr.subarray(0, 4));
    expect(measure(cbr.subarray(0, 10 * (frame?.length ?? 0)), 100)).toBeCloseTo((10 * 576) / 8000, 6);
  });

  it('counts the data a streaming recorder left unsized (0 or 0xFFFFFFFF), and a cut WAV by what arrived', async () => {
    const wav = new Uint8Array(readFileSync(join(FIXTURES, 'speech-8khz.wav')));
    const expected = SOX_SAYS['speech-8khz.wav'] as number;
    const dataSizeAt = Buffer.from(wav).indexOf('data') + 4;
    for (const size of [0, 0xffffffff]) {
      const unsized = wav.slice();
      new DataView(unsized.buffer).setUint32(dataSizeAt, size, true);
      expect(measure(unsized, 1000)).toBeCloseTo(expected, 3);
    }
    expect(measure(wav.subarray(0, wav.byteLength - 1600), 1000)).toBeCloseTo(expected - 0.1, 3);
  });

  it('gives no duration for what is not WAV or MP3, or too short to tell', async () => {
    expect(measure(bytes(20_000, 7), 512)).toBeUndefined();
    expect(measure(new TextEncoder().encode('OggS not really'), 4)).toBeUndefined();
    expect(measure(new Uint8Array([0xff, 0xfb]), 1)).toBeUndefined();
    expect(measure(new Uint8Array(0), 1)).toBeUndefined();
  });
});

const tools = hasTools('espeak-ng', 'sox', 'lame');
if (!tools) console.warn('audio duration: espeak-ng, sox or lame is missing (apt-get install espeak-ng sox libsox-fmt-mp3 lame): fresh-speech checks skipped, fixtures still checked');
describe.skipIf(!tools)('audio duration, fresh speech from espeak-ng, sox and lame', () => {
  const dir = tools ? mkdtempSync(join(tmpdir(), 'pivot-edge-speech-')) : '';
  afterAll(() => dir !== '' && rmSync(dir, { recursive: true, force: true }));
  const run = (command: string, ...args: string[]): void => void execFileSync(command, args, { cwd: dir, stdio: 'ignore' });

  it('matches sox for WAV and MP3 (CBR with Info, VBR with Xing, ID3v2, MPEG-1/2/2.5, mono and stereo)', async () => {
    run('espeak-ng', '-w', 'speech.wav', 'Hello, this is Alice from the bakery. Please call me back about the cake order.');
    run('sox', 'speech.wav', '-r', '8000', '-c', '1', 'pcm-8k.wav');
    run('sox', 'speech.wav', '-r', '16000', '-c', '2', 'pcm-16k-stereo.wav');
    run('sox', 'speech.wav', '-r', '8000', '-e', 'u-law', 'ulaw-8k.wav');
    run('sox', 'speech.wav', '-r', '44100', 'pcm-44k.wav');
    run('lame', '--quiet', '-b', '128', 'pcm-44k.wav', 'cbr-info-44k.mp3');
    run('lame', '--quiet', '-V', '2', 'pcm-44k.wav', 'vbr-xing-44k.mp3');
    run('lame', '--quiet', '-b', '32', 'speech.wav', 'cbr-22k.mp3');
    run('lame', '--quiet', '-V', '5', '--add-id3v2', '--tt', 'Voicemail', 'pcm-8k.wav', 'id3-8k.mp3');
    run('lame', '--quiet', '-m', 's', '-b', '64', 'pcm-16k-stereo.wav', 'stereo-16k.mp3');
    for (const name of ['speech.wav', 'pcm-8k.wav', 'pcm-16k-stereo.wav', 'ulaw-8k.wav', 'cbr-info-44k.mp3', 'vbr-xing-44k.mp3', 'cbr-22k.mp3', 'id3-8k.mp3', 'stereo-16k.mp3']) {
      const data = new Uint8Array(readFileSync(join(dir, name)));
      const sox = Number(execFileSync('sox', ['--i', '-D', join(dir, name)]).toString());
      for (const piece of [333, 65_536]) {
        const seconds = measure(data, piece);
        expect({ name, off: Math.abs((seconds ?? NaN) - sox) <= tolerance(data, name) }).toEqual({ name, off: true });
      }
    }
  }, 60_000);
});
