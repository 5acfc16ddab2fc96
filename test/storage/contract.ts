// The one contract every storage backend passes (fs and S3 under Node, R2 inside workerd).
// Web APIs only, so the same file runs in both runtimes.
import { describe, expect, it } from 'vitest';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { BlobStore, NewRecording } from '../../shared/storage/types.js';

/** Makes a fresh, empty store. `partSize` is the multipart piece size the backend must use. */
export type BlobStoreFactory = (partSize: number) => Promise<BlobStore>;

const MiB = 1024 * 1024;
const PART = 5 * MiB;

export function bytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A stream of `data` in chunks; `failAfter` bytes in, it errors instead of finishing. */
export function streamOf(data: Uint8Array, chunk = 64 * 1024, failAfter?: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && offset >= failAfter) {
        controller.error(new Error('connection reset'));
        return;
      }
      if (offset >= data.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(data.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

export async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (stream === null) throw new Error('no stream');
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A 16-bit mono 8 kHz PCM WAV of silence, `seconds` long (its header is what gets measured). */
function pcmWav(seconds: number): Uint8Array<ArrayBuffer> {
  const dataBytes = Math.round(seconds * 8000) * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string): void => [...text].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return out;
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);

export function blobContract(name: string, factory: BlobStoreFactory): void {
  describe(`BlobStore contract: ${name}`, () => {
    it('streams a body of known length and reads it back whole and by range', async () => {
      const store = await factory(PART);
      const data = bytes(300_000);
      expect(await store.putStream('audio/a', streamOf(data), { contentType: 'audio/mpeg', length: data.byteLength })).toBe(300_000);
      expect(equalBytes(await readAll(await store.getStream('audio/a')), data)).toBe(true);
      const part = await readAll(await store.getStream('audio/a', { offset: 1000, length: 500 }));
      expect(equalBytes(part, data.slice(1000, 1500))).toBe(true);
    });

    it('streams a body of unknown length across several parts', async () => {
      const store = await factory(PART);
      const data = bytes(2 * PART + 12345, 2);
      expect(await store.putStream('audio/big', streamOf(data, 256 * 1024), { contentType: 'audio/x-wav' })).toBe(data.byteLength);
      expect(equalBytes(await readAll(await store.getStream('audio/big')), data)).toBe(true);
    });

    it('stores a small body of unknown length, and an empty one', async () => {
      const store = await factory(PART);
      expect(await store.putStream('audio/small', streamOf(bytes(10)), { contentType: 'audio/mpeg' })).toBe(10);
      expect(await store.putStream('audio/empty', streamOf(new Uint8Array(0)), { contentType: 'audio/mpeg' })).toBe(0);
      expect((await readAll(await store.getStream('audio/empty'))).byteLength).toBe(0);
    });

    it('leaves nothing behind when the body fails midway (known and unknown length)', async () => {
      const store = await factory(PART);
      const data = bytes(200_000);
      await expect(store.putStream('audio/cut', streamOf(data, 16 * 1024, 100_000), { contentType: 'audio/mpeg', length: data.byteLength })).rejects.toThrow();
      const large = bytes(PART + 100, 3);
      await expect(store.putStream('audio/cut2', streamOf(large, 256 * 1024, PART + 1), { contentType: 'audio/mpeg' })).rejects.toThrow();
      expect(await store.getStream('audio/cut')).toBeNull();
      expect(await store.getStream('audio/cut2')).toBeNull();
      expect((await store.list('audio/', { limit: 10 })).items).toEqual([]);
    });

    it('returns null for missing keys and ignores deleting them', async () => {
      const store = await factory(PART);
      expect(await store.getStream('audio/none')).toBeNull();
      expect(await store.getText('meta/none.json')).toBeNull();
      await store.delete(['audio/none']);
    });

    it('replaces small values and lists keys in order with paging and name prefixes', async () => {
      const store = await factory(PART);
      await store.putBytes('meta/b.json', '{"v":1}', 'application/json');
      await store.putBytes('meta/b.json', '{"v":2}', 'application/json');
      expect(await store.getText('meta/b.json')).toBe('{"v":2}');
      for (const key of ['meta/c.json', 'meta/a.json', 'calls/x.1', 'calls/x.2', 'calls/xy.3']) await store.putBytes(key, '', 'text/plain');
      const first = await store.list('meta/', { limit: 2 });
      expect(first.items.map((item) => item.key)).toEqual(['meta/a.json', 'meta/b.json']);
      expect(first.truncated).toBe(true);
      expect(first.items[1]?.size).toBe(7);
      expect(first.items[1]?.modified.getTime()).toBeGreaterThan(Date.now() - 600_000);
      const rest = await store.list('meta/', { startAfter: 'meta/b.json', limit: 2 });
      expect(rest.items.map((item) => item.key)).toEqual(['meta/c.json']);
      expect(rest.truncated).toBe(false);
      expect((await store.list('calls/x.', { limit: 10 })).items.map((item) => item.key)).toEqual(['calls/x.1', 'calls/x.2']);
      await store.delete(['meta/a.json', 'meta/c.json']);
      expect((await store.list('meta/', { limit: 10 })).items.map((item) => item.key)).toEqual(['meta/b.json']);
      expect((await store.list('nothing/', { limit: 10 })).items).toEqual([]);
    });
  });
}

const upload: NewRecording = {
  callId: 'abc123@10.0.0.1',
  name: 'call_recording_abc123@10.0.0.1.mp3',
  contentType: 'audio/mpeg',
  callerIdNumber: '+14155550100',
  callerIdName: 'Alice',
  from: '+14155550100',
  to: '5000',
};

export function recordingContract(name: string, factory: BlobStoreFactory): void {
  describe(`RecordingStore contract: ${name}`, () => {
    const clock = (start: number) => {
      let t = start;
      return () => new Date((t += 60_000));
    };

    it('saves, reads, lists newest first with a cursor, ranges and deletes', async () => {
      const store = createRecordingStore(await factory(PART), { now: clock(Date.UTC(2026, 0, 1)) });
      const data = bytes(50_000);
      const a = await store.save(upload, streamOf(data), { maxBytes: MiB, length: data.byteLength });
      const b = await store.save({ ...upload, callId: 'two', name: 'two.wav', contentType: 'audio/x-wav' }, streamOf(bytes(10)), { maxBytes: MiB });
      const c = await store.save({ ...upload, callId: 'three', name: 'three.mp3' }, streamOf(bytes(20)), { maxBytes: MiB });
      expect(a).toMatchObject({ ...upload, bytes: 50_000, receivedAt: '2026-01-01T00:01:00.000Z' });
      expect(await store.get(a.id)).toEqual(a);
      expect(equalBytes(await readAll(await store.open(a.id)), data)).toBe(true);
      expect(equalBytes(await readAll(await store.open(a.id, { offset: 49_990, length: 10 })), data.slice(49_990))).toBe(true);
      const page1 = await store.list({ limit: 2 });
      expect(page1.items.map((m) => m.id)).toEqual([c.id, b.id]);
      expect(page1.cursor).toBe(b.id);
      const page2 = await store.list({ cursor: b.id, limit: 2 });
      expect(page2.items.map((m) => m.id)).toEqual([a.id]);
      expect(page2.cursor).toBeUndefined();
      expect(await store.delete(b.id)).toBe(true);
      expect(await store.delete(b.id)).toBe(false);
      expect(await store.get(b.id)).toBeNull();
      expect(await store.open(b.id)).toBeNull();
      expect((await store.list({ limit: 10 })).items.map((m) => m.id)).toEqual([c.id, a.id]);
      await expect(store.list({ cursor: '../x', limit: 1 })).rejects.toMatchObject({ status: 400 });
      expect(await store.get('../../etc/passwd')).toBeNull();
    });

    it('refuses too large bodies with 413 and ones not of their declared length with 400, leaving nothing', async () => {
      const blob = await factory(PART);
      const store = createRecordingStore(blob);
      await expect(store.save(upload, streamOf(bytes(3000), 1000), { maxBytes: 2048 })).rejects.toMatchObject({ status: 413 });
      await expect(store.save(upload, streamOf(bytes(3000), 1000), { maxBytes: 10_000, length: 2000 })).rejects.toMatchObject({ status: 400, code: 'upload_incomplete' });
      await expect(store.save(upload, streamOf(bytes(1000)), { maxBytes: 2048, length: 2000 })).rejects.toMatchObject({ status: 400, code: 'upload_incomplete' });
      await expect(store.save(upload, streamOf(bytes(5000), 1000, 2000), { maxBytes: 10_000, length: 5000 })).rejects.toThrow();
      await expect(store.save(upload, streamOf(bytes(5000), 1000, 2000), { maxBytes: 10_000 })).rejects.toThrow();
      expect((await store.list({ limit: 10 })).items).toEqual([]);
      expect((await blob.list('audio/', { limit: 10 })).items).toEqual([]);
    });

    it('keeps both of two uploads for the same call', async () => {
      const store = createRecordingStore(await factory(PART));
      const first = await store.save(upload, streamOf(bytes(100, 1)), { maxBytes: MiB });
      const second = await store.save(upload, streamOf(bytes(200, 2)), { maxBytes: MiB });
      expect(first.id).not.toBe(second.id);
      expect((await store.list({ limit: 10 })).items.map((m) => m.bytes).sort()).toEqual([100, 200]);
    });

    it('applies call facts that arrive before or after the upload; the upload and Kazoo durations win', async () => {
      const store = createRecordingStore(await factory(PART));
      const followUp = { callerIdName: 'From Record', dialled: '5000', reasonKind: 'closed' as const, durationSeconds: 42 };
      expect(await store.addCallFacts('early', followUp)).toBe(0);
      const early = await store.save({ ...upload, callId: 'early', name: 'early.mp3' }, streamOf(bytes(10)), { maxBytes: MiB });
      // The upload said Alice: it wins; what it did not say comes from the follow-up.
      expect(early).toMatchObject({ callerIdName: 'Alice', dialled: '5000', reasonKind: 'closed', durationSeconds: 42, durationFrom: 'kazoo' });
      const late = await store.save({ ...upload, callId: 'late@h', name: 'late.mp3' }, streamOf(bytes(10)), { maxBytes: MiB });
      expect(late.durationSeconds).toBeUndefined();
      expect(await store.addCallFacts('late@h', { durationSeconds: 7, reasonKind: 'unanswered' })).toBe(1);
      expect(await store.get(late.id)).toMatchObject({ durationSeconds: 7, durationFrom: 'kazoo', reasonKind: 'unanswered' });
      // A different call id that sanitizes to the same characters is not touched.
      expect(await store.addCallFacts('late_h', { durationSeconds: 9 })).toBe(0);
      expect((await store.get(late.id))?.durationSeconds).toBe(7);
      // Kazoo's duration_ms on the upload is not replaced by a later report.
      const told = await store.save({ ...upload, callId: 'told', name: 'told.mp3', durationSeconds: 12 }, streamOf(bytes(10)), { maxBytes: MiB });
      expect(told.durationFrom).toBe('kazoo');
      expect(await store.addCallFacts('told', { durationSeconds: 99 })).toBe(0);
      expect((await store.get(told.id))?.durationSeconds).toBe(12);
    });

    it('measures the duration from the audio when Kazoo sent none, and lets Kazoo correct it', async () => {
      const store = createRecordingStore(await factory(PART));
      const wav = pcmWav(2.5);
      const saved = await store.save({ ...upload, callId: 'wav', name: 'wav.wav', contentType: 'audio/x-wav' }, streamOf(wav, 1000), { maxBytes: MiB });
      expect(saved).toMatchObject({ durationSeconds: 3, durationFrom: 'audio' });
      expect(await store.addCallFacts('wav', { durationSeconds: 2 })).toBe(1);
      expect(await store.get(saved.id)).toMatchObject({ durationSeconds: 2, durationFrom: 'kazoo' });
      const junk = await store.save({ ...upload, callId: 'junk', name: 'junk.mp3' }, streamOf(bytes(5000)), { maxBytes: MiB });
      expect(junk.durationSeconds).toBeUndefined();
    });

    it('marks a recording heard and new again, keeping the rest of its record', async () => {
      const store = createRecordingStore(await factory(PART));
      const saved = await store.save(upload, streamOf(bytes(10)), { maxBytes: MiB });
      expect(saved.heard).toBeUndefined();
      expect(await store.setHeard(saved.id, true)).toEqual({ ...saved, heard: true });
      expect(await store.get(saved.id)).toEqual({ ...saved, heard: true });
      expect((await store.list({ limit: 10 })).items[0]?.heard).toBe(true);
      expect(await store.setHeard(saved.id, false)).toEqual({ ...saved, heard: false });
      expect((await store.get(saved.id))?.heard).toBe(false);
      expect(await store.setHeard('0000000000000-000000000000', true)).toBeNull();
      expect(await store.setHeard('../x', true)).toBeNull();
    });

    it('sweeps recordings received before the cutoff, and only those', async () => {
      const blob = await factory(PART);
      const old = createRecordingStore(blob, { now: () => new Date('2026-01-01T00:00:00Z') });
      const recent = createRecordingStore(blob, { now: () => new Date('2026-03-01T00:00:00Z') });
      const a = await old.save(upload, streamOf(bytes(10)), { maxBytes: MiB });
      const b = await recent.save(upload, streamOf(bytes(10)), { maxBytes: MiB });
      expect(await recent.sweep(new Date('2026-02-01T00:00:00Z'))).toBe(1);
      expect(await recent.get(a.id)).toBeNull();
      expect(await recent.open(a.id)).toBeNull();
      expect((await recent.get(b.id))?.id).toBe(b.id);
      // The call id has characters keys do not take: its safe characters plus a hash of the exact text.
      expect((await blob.list(`calls/`, { limit: 10 })).items.map((i) => i.key)).toEqual([`calls/abc123_10_0_0_1.3c791873.${b.id}`]);
    });
  });
}
