// Storage failing, as the caller and the operator live it: the caller's call is answered as ever;
// the upload that cannot be stored answers 503 with Retry-After (Kazoo's record_call retries any
// failed upload: 5 tries 5 s apart, then rounds 1-10 minutes apart), leaves nothing behind, and
// puts exactly one line, with the cause, on the log. The retry, once storage is back, is stored.
import { afterEach, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../../shared/storage/fs.js';
import type { BlobStore } from '../../shared/storage/types.js';
import { ADMIN, aDay, CALL_ID, linesOf, MESSAGE, TOKEN, type Day } from './support.js';

/** The folder store, breaking when told: audio writes after `after` bytes (the disk fills up mid-file), or any small write. */
function breakable(dir: string, after = 1000) {
  const inner = createFsBlobStore(dir);
  const state = { audio: false, small: (_key: string) => false, written: 0 };
  const store: BlobStore = {
    ...inner,
    putStream(key, body, options) {
      if (!state.audio) return inner.putStream(key, body, options);
      let seen = 0;
      const failing = body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (seen + chunk.byteLength > after) throw new Error(`ENOSPC: no space left on device, write (injected after ${seen} bytes)`);
            seen += chunk.byteLength;
            state.written = seen;
            controller.enqueue(chunk);
          },
        }),
      );
      return inner.putStream(key, failing, options);
    },
    putBytes(key, data, contentType) {
      if (state.small(key)) return Promise.reject(new Error(`EIO: i/o error, write '${key}' (injected)`));
      return inner.putBytes(key, data, contentType);
    },
  };
  return { store, state };
}

let day: Day | undefined;
afterEach(() => day?.cleanup());

describe('storage failing', () => {
  it('mid-upload: the caller hears the usual voicemail; the upload is 503 Retry-After, nothing is half-written, one error line; the retry is stored', async () => {
    let control: ReturnType<typeof breakable>['state'] | undefined;
    // Two 64 KiB writes' worth of the caller's message: the disk fills up after the first.
    const long = Buffer.concat(Array.from({ length: 40 }, () => MESSAGE));
    day = await aDay({ blob: (dir) => ((({ store, state }) => ((control = state), store))(breakable(dir, 64 * 1024))) });
    await day.call();

    control!.audio = true;
    const failed = await linesOf(() => day!.upload(long));
    expect(failed.result.status).toBe(503);
    expect(failed.result.headers.get('retry-after')).toBe('5');
    expect(await failed.result.json()).toEqual({ error: 'storage_failed', message: 'The recording could not be stored; retry later.' });
    // It really broke mid-file (part of the message was on disk), and nothing of it is left.
    expect(control!.written).toBe(64 * 1024);
    expect(await day.files()).toEqual([]);
    expect(failed.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        event: 'upload',
        endpoint: 'recordings',
        method: 'PUT',
        status: 503,
        callId: CALL_ID,
        bytes: long.byteLength,
        outcome: 'storage_failed',
        message: 'The recording could not be stored; retry later.',
        cause: 'ENOSPC: no space left on device, write (injected after 65536 bytes)',
      }),
    ]);

    // Kazoo retries the same upload 5 s later; storage is back.
    control!.audio = false;
    const retried = await linesOf(() => day!.upload(long));
    expect(retried.result.status).toBe(201);
    expect(retried.lines).toEqual([expect.objectContaining({ level: 'info', event: 'upload', status: 201, outcome: 'stored', bytes: long.byteLength })]);
    const listed = await day.request('/recordings', { headers: { authorization: `Bearer ${ADMIN}` } });
    expect((await listed.json()) as unknown).toMatchObject({ items: [{ callId: CALL_ID, bytes: long.byteLength, callerIdName: 'Alice Smith', reason: { kind: 'closed' } }] });
  });

  it('at the metadata, after the audio is down: 503, and the audio is not left behind', async () => {
    let control: ReturnType<typeof breakable>['state'] | undefined;
    day = await aDay({ blob: (dir) => ((({ store, state }) => ((control = state), store))(breakable(dir))) });
    await day.call();
    control!.small = (key) => key.startsWith('meta/');
    const failed = await linesOf(() => day!.upload());
    expect(failed.result.status).toBe(503);
    expect(await day.files()).toEqual([]);
    expect(failed.lines).toEqual([expect.objectContaining({ level: 'error', status: 503, outcome: 'storage_failed', cause: expect.stringMatching(/^EIO: i\/o error, write 'meta\/\d{13}-[0-9a-f]{12}\.json' \(injected\)$/) })]);
  });

  it("during the <Record action> request: the caller still hears the goodbye, and the request's own line says what was lost", async () => {
    let control: ReturnType<typeof breakable>['state'] | undefined;
    day = await aDay({ blob: (dir) => ((({ store, state }) => ((control = state), store))(breakable(dir))) });
    control!.small = (key) => key.startsWith('facts/');
    const { result, lines } = await linesOf(() =>
      day!.request('/recordings?reason=closed', {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`pivot:${TOKEN}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: `CallSid=${encodeURIComponent(CALL_ID)}&From=%2B14155550100&CallerName=Alice&RecordingUrl=${encodeURIComponent('https://pivot.example.com/recordings/call_recording_abc.mp3')}&RecordingDuration=7`,
      }),
    );
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/xml');
    expect(await result.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="female" language="en">Thank you. Your message has been recorded. Goodbye.</Say><Hangup/></Response>');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', event: 'answer', endpoint: 'recordings', status: 200, error: 'call_facts_not_saved', cause: expect.stringMatching(/^Error: EIO: i\/o error, write 'facts\/.+\.json' \(injected\)$/) }),
    ]);
  });
});
