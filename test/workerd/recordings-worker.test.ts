// The recordings Worker entry inside workerd with a real R2 binding: uploads with and without a
// length, listing, ranges, deletion, the follow-up and the cron sweep; the inbox page with its style
// and script inlined (wrangler.toml's Text rule) under a CSP of their hashes, signed playback
// links, the heard mark and the security headers.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../functions/recordings/worker.js';
import { makeMp3 } from '../recordings/audio-fixtures.js';
import { bytes, streamOf } from '../storage/contract.js';
import { recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { ADMIN, PIVOT } from './tokens.js';

const vars = { ...env, TIMEZONE: 'UTC', PIVOT_TOKEN: PIVOT, ADMIN_TOKEN: ADMIN, PUBLIC_BASE_URL: 'https://rec.example.com', RETENTION_DAYS: '1' };
const admin = { authorization: `Bearer ${ADMIN}` };
const pivot = { authorization: `Basic ${btoa(`pivot:${PIVOT}`)}` };

/** `Tue 24 Dec, 16:32` in UTC, from the Date's own UTC fields. */
function utcLocal(at: Date): string {
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][at.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][at.getUTCMonth()];
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${day} ${at.getUTCDate()} ${month}, ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://rec.example.com${path}`, init), vars, ctx as unknown as Parameters<typeof worker.fetch>[2]);
  await waitOnExecutionContext(ctx);
  return response;
}

describe('recordings Worker (R2)', () => {
  it('stores uploads of known and unknown length, serves ranges, deletes', async () => {
    const data = bytes(70_000);
    const known = await call('/call_recording_w1.mp3?from=100', { method: 'PUT', body: data, headers: { ...pivot, 'content-type': 'audio/mpeg' } });
    expect(known.status).toBe(201);
    const chunked = await call('/recordings/w2.wav', { method: 'PUT', body: streamOf(bytes(5000, 2), 1000), headers: { ...pivot, 'content-type': 'audio/x-wav' } });
    expect(chunked.status).toBe(201);
    const list = (await (await call('/recordings', { headers: admin })).json()) as { items: { id: string; callId: string; bytes: number }[] };
    expect(list.items.map((item) => [item.callId, item.bytes])).toEqual([['w2', 5000], ['w1', 70_000]]);
    const id = list.items[1]?.id ?? '';
    const ranged = await call(`/${id}`, { headers: { ...admin, range: 'bytes=-10' } });
    expect(ranged.status).toBe(206);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(data.slice(-10));
    expect((await call(`/${id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await call(`/${id}`, { method: 'DELETE', headers: admin })).status).toBe(404);
  });

  it('refuses bad names, types and tokens before storing', async () => {
    expect((await call('/x.exe', { method: 'PUT', body: 'x', headers: { ...pivot, 'content-type': 'audio/mpeg' } })).status).toBe(400);
    expect((await call('/x%00.mp3', { method: 'PUT', body: 'x', headers: { ...pivot, 'content-type': 'audio/mpeg' } })).status).toBe(400);
    expect((await call('/x.mp3', { method: 'PUT', body: 'x', headers: { ...pivot, 'content-type': 'text/html' } })).status).toBe(415);
    expect((await call('/x.mp3', { method: 'PUT', body: 'x', headers: { 'content-type': 'audio/mpeg' } })).status).toBe(401);
  });

  it('answers the <Record> follow-up with TwiML and applies the duration', async () => {
    const form = new URLSearchParams({ CallSid: 'w3', RecordingUrl: 'https://rec.example.com/call_recording_w3.mp3', RecordingDuration: '8' });
    const answer = await call('/', { method: 'POST', body: form, headers: { ...pivot, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.headers.get('content-type')).toBe('application/xml');
    expect(await answer.text()).toContain('<Hangup/>');
    expect((await call('/call_recording_w3.mp3', { method: 'PUT', body: 'abc', headers: { ...pivot, 'content-type': 'audio/mpeg' } })).status).toBe(201);
    const list = (await (await call('/', { headers: admin })).json()) as { items: { callId: string; durationSeconds: number | null }[] };
    expect(list.items.find((item) => item.callId === 'w3')?.durationSeconds).toBe(8);
  });

  it('keeps who called, why and how long from a master record_call upload, whatever the Call-ID', async () => {
    const callId = `w4!'()*{}"%@[2001:db8::9:1]`;
    const url = recordCallUploadUrl('https://rec.example.com/recordings?reason=closed&detail=Christmas&recording=', 'master', {
      callId, callerIdName: 'Alice Smith', callerIdNumber: '+14155550100', to: '+15551230000@sip.example.com',
    });
    const upload = await call(url.slice('https://rec.example.com'.length), { method: 'PUT', body: makeMp3(3), headers: { ...pivot, 'content-type': 'audio/mpeg' } });
    expect(upload.status).toBe(201);
    const { id, receivedAt } = (await upload.json()) as { id: string; receivedAt: string };
    const list = (await (await call('/', { headers: admin })).json()) as { items: Record<string, unknown>[] };
    expect(list.items.find((item) => item.id === id)).toMatchObject({
      callId, callerIdName: 'Alice Smith', callerIdNumber: '+14155550100', dialled: '+15551230000',
      reason: { kind: 'closed', detail: 'Christmas', label: 'Closed (Christmas)' }, timeZone: 'UTC',
      receivedLocal: utcLocal(new Date(receivedAt)),
      // master sends no duration: measured from the MP3 frames (3.004 s).
      durationSeconds: 3,
    });
  });

  it('sweeps nothing recent from the cron handler', async () => {
    const ctx = createExecutionContext();
    worker.scheduled({}, vars, ctx);
    await waitOnExecutionContext(ctx);
    const list = (await (await call('/', { headers: admin })).json()) as { items: unknown[] };
    expect(list.items.length).toBeGreaterThan(0);
  });
});

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

describe('recordings Worker: inbox page, playback links, heard (R2)', () => {
  it('serves the page with its style and script inline, allowed by hash and nothing else', async () => {
    const page = await call('/inbox');
    expect(page.status).toBe(200);
    const html = await page.text();
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(style).toContain('.message');
    expect(script).toContain('Authorization:"Bearer "');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src ${await sha256(script)}; style-src ${await sha256(style)};`);
    expect(csp).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('plays a range from a signed link, marks it heard, and locks down the API answers', async () => {
    const data = bytes(3000, 7);
    const upload = await call('/call_recording_inbox-w1.mp3', { method: 'PUT', body: data, headers: { ...pivot, 'content-type': 'audio/mpeg' } });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const link = (await (await call(`/${id}/link`, { headers: admin })).json()) as { src: string };
    const ranged = await call(`/${link.src}`, { headers: { range: 'bytes=1000-1099' } });
    expect(ranged.status).toBe(206);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(data.slice(1000, 1100));
    expect((await call(`/${link.src.replace(/sig=./, 'sig=_')}`)).status).toBe(403);

    const marked = await call(`/${id}`, { method: 'PATCH', body: '{"heard":true}', headers: { ...admin, 'content-type': 'application/json' } });
    expect(await marked.json()).toEqual({ id, heard: true });
    const list = await call('/', { headers: admin });
    const items = ((await list.json()) as { items: { id: string; heard: boolean }[] }).items;
    expect(items.find((item) => item.id === id)?.heard).toBe(true);
    for (const response of [list, ranged, await call('/')]) {
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
