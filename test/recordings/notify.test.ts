import { describe, expect, it } from 'vitest';
import { noticeBody, postJson } from '../../shared/notify/index.js';
import type { RecordingMeta } from '../../shared/storage/types.js';

const meta: RecordingMeta = {
  id: '8204733072219-b43d72f786ab', callId: 'c1', name: 'c1.mp3', contentType: 'audio/mpeg', bytes: 10,
  receivedAt: '2026-11-21T13:00:00.000Z', callerIdNumber: '+1555', callerIdName: '<Eve & co>', durationSeconds: 75,
};
const links = { url: 'https://h/recordings/x', inbox: 'https://h/recordings/inbox#x' };

describe('postJson', () => {
  it('retries 5xx and network errors with doubling delays, a bounded number of times', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await postJson('https://hook', {}, {
      attempts: 4,
      baseDelayMs: 100,
      sleep: async (ms) => void delays.push(ms),
      fetch: async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        return new Response(null, { status: 503 });
      },
    });
    expect(result).toEqual({ ok: false, attempts: 4, error: 'HTTP 503' });
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it('does not retry a 4xx and reports success', async () => {
    let calls = 0;
    const fetch404 = async () => (calls++, new Response(null, { status: 404 }));
    expect((await postJson('https://hook', {}, { fetch: fetch404, sleep: async () => undefined })).ok).toBe(false);
    expect(calls).toBe(1);
    expect(await postJson('https://hook', {}, { fetch: async () => new Response('ok') })).toEqual({ ok: true, attempts: 1 });
  });
});

describe('noticeBody', () => {
  it('escapes caller text for Slack and formats the duration', () => {
    const body = noticeBody('slack', meta, links) as { text: string };
    expect(body.text).toBe('New voicemail from &lt;Eve &amp; co&gt; (+1555) (1:15) at 2026-11-21T13:00:00.000Z: <https://h/recordings/inbox#x|listen>');
  });
});
