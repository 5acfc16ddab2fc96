import { describe, expect, it } from 'vitest';
import { boundaryOf, firstFilePart } from '../../functions/recordings/multipart.js';
import { bytes, readAll, streamOf } from '../storage/contract.js';

async function encode(form: FormData): Promise<{ data: Uint8Array; type: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { data: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type') ?? '' };
}

describe('firstFilePart', () => {
  it.each([1, 7, 64 * 1024])('streams the file part exactly with %i-byte chunks, keeping earlier fields', async (chunk) => {
    const audio = bytes(20_000, 9);
    // Plant a near-delimiter inside the audio: CRLF + "--" must not end the part.
    audio.set([13, 10, 45, 45], 5000);
    const form = new FormData();
    form.append('call_id', 'abc');
    form.append('file', new Blob([audio], { type: 'audio/x-wav' }), 'call_recording_abc.wav');
    const { data, type } = await encode(form);
    const part = await firstFilePart(streamOf(data, chunk), boundaryOf(type) ?? '');
    expect(part).toMatchObject({ fileName: 'call_recording_abc.wav', contentType: 'audio/x-wav', fields: { call_id: 'abc' } });
    expect(Buffer.from(await readAll(part.body)).equals(Buffer.from(audio))).toBe(true);
  });

  it('refuses a form without a file, and fails a body cut before the closing delimiter', async () => {
    const form = new FormData();
    form.append('only', 'text');
    const { data, type } = await encode(form);
    await expect(firstFilePart(streamOf(data), boundaryOf(type) ?? '')).rejects.toMatchObject({ status: 400 });
    const withFile = new FormData();
    withFile.append('file', new Blob([bytes(5000)], { type: 'audio/mpeg' }), 'x.mp3');
    const encoded = await encode(withFile);
    const part = await firstFilePart(streamOf(encoded.data.slice(0, 3000)), boundaryOf(encoded.type) ?? '');
    await expect(readAll(part.body)).rejects.toMatchObject({ code: 'upload_incomplete' });
  });

  it('reads quoted and bare boundaries', () => {
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/form-data;boundary=xyz')).toBe('xyz');
    expect(boundaryOf('multipart/form-data')).toBeUndefined();
  });
});
