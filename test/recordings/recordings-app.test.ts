import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatInTimeZone } from 'date-fns-tz';
import { afterEach, describe, expect, it } from 'vitest';
import { logLines } from '../support/log-capture.js';
import { pivotAnswer } from '../support/pivot.js';
import { bytes, streamOf } from '../storage/contract.js';
import { BASIC, BEARER, PIVOT_TOKEN, recordingsHarness, webhookReceiver } from './recordings-helpers.js';

type Harness = Awaited<ReturnType<typeof recordingsHarness>>;
let harness: Harness;
afterEach(async () => {
  await harness?.cleanup();
});

const FS_HEADERS = { 'content-type': 'audio/mpeg', 'user-agent': 'freeswitch-http-cache/1.0', authorization: BASIC };

async function put(path: string, data: Uint8Array<ArrayBuffer>, headers: Record<string, string> = FS_HEADERS, method = 'PUT') {
  return harness.request(path, { method, body: data, headers: { ...headers, 'content-length': String(data.byteLength) } });
}

async function list(query = ''): Promise<{ items: Record<string, unknown>[]; cursor?: string }> {
  const response = await harness.request(`/recordings${query}`, { headers: { authorization: BEARER } });
  expect(response.status).toBe(200);
  return response.json();
}

async function storedFiles(): Promise<string[]> {
  const audio = await readdir(join(harness.dir, 'audio')).catch(() => []);
  const tmp = await readdir(join(harness.dir, '.tmp')).catch(() => []);
  return [...audio, ...tmp];
}

describe('recordings upload', () => {
  it('takes a record_caller PUT (<CallId>.mp3) and keeps the bytes exactly', async () => {
    harness = await recordingsHarness();
    const data = bytes(100_000);
    const response = await put('/recordings/abc123%40192.168.1.2.mp3', data);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [item] = (await list()).items;
    expect(item).toMatchObject({ id, callId: 'abc123@192.168.1.2', bytes: 100_000, contentType: 'audio/mpeg', name: 'abc123@192.168.1.2.mp3' });
    const audio = await harness.request(`/recordings/${id}`, { headers: { authorization: BEARER } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await audio.arrayBuffer()).equals(Buffer.from(data))).toBe(true);
  });

  it('keeps the record_call query fields, and takes POST as well as PUT', async () => {
    harness = await recordingsHarness();
    const query = 'from=%2B14155550100&to=5000&caller_id_name=Alice%20Smith&caller_id_number=%2B14155550100&call_id=c-42&cdr_id=x&duration_ms=12400';
    expect((await put(`/recordings/call_recording_c-42.wav?${query}`, bytes(2000), { ...FS_HEADERS, 'content-type': 'audio/x-wav' }, 'POST')).status).toBe(201);
    const [item] = (await list()).items;
    expect(item).toMatchObject({
      callId: 'c-42', from: '+14155550100', to: '5000', callerIdName: 'Alice Smith', callerIdNumber: '+14155550100',
      durationSeconds: 12, contentType: 'audio/x-wav', bytes: 2000,
    });
  });

  it('finds the file name inside the query when the url had one (token in the query too)', async () => {
    harness = await recordingsHarness();
    const path = `/recordings?token=${PIVOT_TOKEN}&recording=call_recording_q1.mp3&from=100&to=200`;
    const response = await harness.request(path, { method: 'PUT', body: bytes(10), headers: { 'content-type': 'audio/mpeg' } });
    expect(response.status).toBe(201);
    expect((await list()).items[0]).toMatchObject({ callId: 'q1', from: '100', to: '200' });
  });

  it('takes multipart/form-data with one file part, streamed', async () => {
    harness = await recordingsHarness();
    const data = bytes(300_000, 5);
    const form = new FormData();
    form.append('call_id', 'm1');
    form.append('file', new Blob([data], { type: 'audio/mpeg' }), 'call_recording_m1.mp3');
    const response = await harness.request('/recordings?from=555', { method: 'POST', body: form, headers: { 'x-pivot-token': PIVOT_TOKEN } });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect((await list()).items[0]).toMatchObject({ id, callId: 'm1', from: '555', bytes: 300_000 });
    const audio = await harness.request(`/recordings/${id}`, { headers: { authorization: BEARER } });
    expect(Buffer.from(await audio.arrayBuffer()).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses a missing or wrong Pivot token with 401 and stores nothing', async () => {
    harness = await recordingsHarness();
    expect((await put('/recordings/a1.mp3', bytes(10), { 'content-type': 'audio/mpeg' })).status).toBe(401);
    expect((await put('/recordings/a1.mp3', bytes(10), { 'content-type': 'audio/mpeg', authorization: `Basic ${btoa('pivot:nope')}` })).status).toBe(401);
    expect(await storedFiles()).toEqual([]);
  });

  it('answers 415 for non-audio, 413 past MAX_RECORDING_MB (declared or streamed), 400 for empty bodies', async () => {
    harness = await recordingsHarness();
    expect((await put('/recordings/a1.mp3', bytes(10), { ...FS_HEADERS, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await put('/recordings/a1.mp3', bytes(10), { ...FS_HEADERS, 'content-type': 'application/x-php' })).status).toBe(415);
    expect((await put('/recordings/a1.mp3', bytes(1024 * 1024 + 1))).status).toBe(413);
    const streamed = await harness.request('/recordings/a2.mp3', {
      method: 'PUT', body: streamOf(bytes(1024 * 1024 + 10)), headers: FS_HEADERS, duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await put('/recordings/a3.mp3', new Uint8Array(0))).status).toBe(400);
    expect(await storedFiles()).toEqual([]);
    expect((await put('/recordings/a4.mp3', bytes(10), { ...FS_HEADERS, 'content-type': 'application/octet-stream' })).status).toBe(201);
    expect((await list()).items[0]).toMatchObject({ contentType: 'audio/mpeg' });
  });

  it.each([
    ['/recordings/..%2f..%2fescape.mp3', '../../escape'],
    ['/recordings/a%5c..%5cescape.mp3', 'a\\..\\escape'],
    ['/recordings/%252e%252e%252fescape.mp3', '%2e%2e%2fescape'],
    ['/recordings/.escape.mp3', '.escape'],
  ])('stores %s under a generated key: the name is metadata, nothing escapes', async (path, callId) => {
    harness = await recordingsHarness();
    expect((await put(path, bytes(10))).status).toBe(201);
    expect((await list()).items[0]).toMatchObject({ callId });
    const entries = (await readdir(harness.dir, { recursive: true })).map(String).filter((entry) => !entry.startsWith('.tmp'));
    for (const entry of entries) expect(entry).toMatch(/^(audio|meta|calls)(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)?$/);
  });

  it.each(['/recordings/a%00.mp3', '/recordings/escape.php', '/recordings/noextension'])('refuses %s with 400', async (path) => {
    harness = await recordingsHarness();
    expect((await put(path, bytes(10))).status).toBe(400);
    expect(await storedFiles()).toEqual([]);
  });

  it('keeps both of two uploads for the same call', async () => {
    harness = await recordingsHarness();
    expect((await put('/recordings/dup.mp3', bytes(10, 1))).status).toBe(201);
    expect((await put('/recordings/dup.mp3', bytes(20, 2))).status).toBe(201);
    expect((await list()).items.map((item) => item.bytes).sort()).toEqual([10, 20]);
  });
});

describe('recordings management', () => {
  it('is disabled without ADMIN_TOKEN and refuses a wrong token with 401', async () => {
    harness = await recordingsHarness({ ADMIN_TOKEN: '' });
    expect((await harness.request('/recordings', { headers: { authorization: BEARER } })).status).toBe(403);
    harness = await recordingsHarness();
    expect((await harness.request('/recordings')).status).toBe(401);
    expect((await harness.request('/recordings', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await harness.request('/recordings', { headers: { authorization: BASIC } })).status).toBe(401);
  });

  it('lists newest first with a cursor, serves ranges and HEAD, deletes with 204 then 404', async () => {
    harness = await recordingsHarness();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const response = await put(`/recordings/call${n}.mp3`, bytes(1000 * n, n));
      ids.push(((await response.json()) as { id: string }).id);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const first = await list('?limit=2');
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]?.url).toBe(`https://pivot.example.com/recordings/${ids[2]}`);
    const second = await list(`?limit=2&cursor=${first.cursor}`);
    expect(second.items.map((item) => item.id)).toEqual([ids[0]]);
    expect(second.cursor).toBeUndefined();
    expect((await harness.request('/recordings?limit=0', { headers: { authorization: BEARER } })).status).toBe(400);

    const id = ids[1] ?? '';
    const data = bytes(2000, 2);
    const ranged = await harness.request(`/recordings/${id}`, { headers: { authorization: BEARER, range: 'bytes=100-199' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 100-199/2000');
    expect(ranged.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await ranged.arrayBuffer()).equals(Buffer.from(data.slice(100, 200)))).toBe(true);
    const head = await harness.request(`/recordings/${id}`, { method: 'HEAD', headers: { authorization: BEARER } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('2000');
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect((await harness.request(`/recordings/${id}`, { headers: { authorization: BEARER, range: 'bytes=5000-' } })).status).toBe(416);

    expect((await harness.request(`/recordings/${id}`, { method: 'DELETE', headers: { authorization: BEARER } })).status).toBe(204);
    expect((await harness.request(`/recordings/${id}`, { method: 'DELETE', headers: { authorization: BEARER } })).status).toBe(404);
    expect((await harness.request(`/recordings/${id}`, { headers: { authorization: BEARER } })).status).toBe(404);
    expect((await harness.request('/recordings/nonsense', { headers: { authorization: BEARER } })).status).toBe(404);
  });

  it('serves the inbox page without data or token in it', async () => {
    harness = await recordingsHarness();
    const page = await harness.request('/recordings/inbox');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Authorization:"Bearer "');
    expect(html).not.toContain('admin-secret');
  });
});

describe('<Record action> follow-up', () => {
  const twimlForm = (duration: string) =>
    new URLSearchParams({
      CallSid: 'rec-1@10.0.0.1', AccountSid: 'acc', From: '+14155550100', To: '5000', CallerNumber: '+14155550100',
      RecordingUrl: 'https://pivot.example.com/recordings/call_recording_rec-1@10.0.0.1.mp3', RecordingDuration: duration, Digits: 'hangup',
    });

  it('answers a TwiML goodbye before the upload lands, and the duration is applied when it does', async () => {
    harness = await recordingsHarness();
    const answer = await harness.request('/recordings', {
      method: 'POST', body: twimlForm('17'), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC },
    });
    const { xml } = await pivotAnswer(answer);
    expect(xml).toContain('<Hangup/>');
    expect(xml).toContain('<Say');
    expect((await put('/recordings/call_recording_rec-1%4010.0.0.1.mp3', bytes(10))).status).toBe(201);
    expect((await list()).items[0]).toMatchObject({ callId: 'rec-1@10.0.0.1', durationSeconds: 17 });
  });

  it('fills in the duration after the upload, and answers Callflow JSON to a kazoo-dialect GET', async () => {
    harness = await recordingsHarness();
    expect((await put('/recordings/call_recording_k-9.mp3', bytes(10))).status).toBe(201);
    const query = new URLSearchParams({ 'Call-ID': 'k-9', 'Account-ID': 'acc', 'Caller-ID-Number': '100', 'Recording-Url': 'https://pivot.example.com/recordings/call_recording_k-9.mp3', 'Recording-Duration': '33' });
    const { json } = await pivotAnswer(await harness.request(`/recordings?${query}`, { headers: { authorization: BASIC } }));
    expect(json).toMatchObject({ module: 'tts', children: { _: { module: 'hangup' } } });
    expect((await list()).items[0]).toMatchObject({ callId: 'k-9', durationSeconds: 33 });
  });

  it('reads a JSON body (req_body_format json) and a form body over the query, and answers the exact goodbye', async () => {
    harness = await recordingsHarness();
    expect((await put('/recordings/call_recording_j-1.mp3', bytes(10))).status).toBe(201);
    const body = JSON.stringify({ 'Call-ID': 'j-1', 'Caller-ID-Name': 'Ann Lee', 'Caller-ID-Number': '+14155550111', To: '5000@pbx.example.com', 'Recording-Duration': 21, 'Custom-SIP-Headers': {} });
    const json = await harness.request('/recordings?reason=closed&detail=Christmas', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: BASIC } });
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.json()).toEqual({
      module: 'tts', data: { text: 'Thank you. Your message has been recorded. Goodbye.', voice: 'female', language: 'en-US' }, children: { _: { module: 'hangup', data: {}, children: {} } },
    });
    expect((await list()).items[0]).toMatchObject({
      callId: 'j-1', callerIdName: 'Ann Lee', callerIdNumber: '+14155550111', dialled: '5000', durationSeconds: 21, reason: { label: 'Closed (Christmas)' },
    });
    // The body wins over the query, name by name, as in every Pivot request; `+` in a value is a space.
    expect((await put('/recordings/call_recording_f-2.mp3', bytes(10))).status).toBe(201);
    const form = await harness.request('/recordings?CallSid=other&CallerName=Query+Name&RecordingDuration=99', {
      method: 'POST', body: 'CallSid=f-2&CallerName=Bob+Jones&RecordingDuration=4', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC },
    });
    expect(await form.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="female" language="en">Thank you. Your message has been recorded. Goodbye.</Say><Hangup/></Response>');
    expect((await list()).items.find((item) => item.callId === 'f-2')).toMatchObject({ callerIdName: 'Bob Jones', durationSeconds: 4 });
  });

  it('says goodbye whatever the request or the store: broken JSON, a body past 64 KiB, no store', async () => {
    harness = await recordingsHarness();
    const goodbye = '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="female" language="en">Thank you. Your message has been recorded. Goodbye.</Say><Hangup/></Response>';
    const broken = await harness.request('/recordings?CallSid=b-1', { method: 'POST', body: '{"CallSid": "b-1", ', headers: { 'content-type': 'application/json', authorization: BASIC } });
    expect([broken.status, await broken.text()]).toEqual([200, goodbye]);
    const huge = await harness.request('/recordings', { method: 'POST', body: `CallSid=h-1&Padding=${'x'.repeat(70_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC } });
    expect([huge.status, await huge.text()]).toEqual([200, goodbye]);
    // A store that fails (here: none at all) costs the facts, not the goodbye.
    const failing = await recordingsHarness({ RECORDINGS_DIR: '/dev/null/not-a-directory' });
    try {
      const answer = await failing.request('/recordings', { method: 'POST', body: 'CallSid=s-1&RecordingDuration=3', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC } });
      expect([answer.status, await answer.text()]).toEqual([200, goodbye]);
      expect(logLines().filter((line) => line.error === 'call_facts_not_saved')).toMatchObject([{ level: 'warn', event: 'answer', callId: 's-1', status: 200 }]);
    } finally {
      await failing.cleanup();
    }
  });

  it('refuses the follow-up without the Pivot token', async () => {
    harness = await recordingsHarness();
    const response = await harness.request('/recordings', { method: 'POST', body: twimlForm('3'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(401);
  });
});

describe('notification', () => {
  it('posts a JSON notice after the upload, retrying a failed delivery', async () => {
    const hook = await webhookReceiver(1);
    try {
      harness = await recordingsHarness({ NOTIFY_WEBHOOK_URL: hook.url });
      const response = await put('/recordings/call_recording_n1.mp3?caller_id_number=%2B1555&caller_id_name=Bob&duration_ms=9000&reason=closed&detail=Christmas&dialled=5000', bytes(10));
      expect(response.status).toBe(201);
      const { id, receivedAt } = (await response.json()) as { id: string; receivedAt: string };
      await harness.settled();
      expect(hook.attempts()).toBe(2);
      expect(hook.received[0]?.body).toEqual({
        event: 'recording.created', id, callId: 'n1', caller: { number: '+1555', name: 'Bob' }, from: null, to: null, dialled: '5000',
        receivedAt, receivedLocal: formatInTimeZone(receivedAt, 'America/New_York', 'EEE d MMM, HH:mm'), timeZone: 'America/New_York',
        durationSeconds: 9, reason: { kind: 'closed', detail: 'Christmas', label: 'Closed (Christmas)' }, bytes: 10, contentType: 'audio/mpeg',
        url: `https://pivot.example.com/recordings/${id}`, inbox: `https://pivot.example.com/recordings/inbox#${id}`,
      });
      expect(JSON.stringify(hook.received[0]?.body)).not.toContain(PIVOT_TOKEN);
    } finally {
      await hook.close();
    }
  });

  it('posts a Slack payload, and an unreachable webhook never fails the upload', async () => {
    const hook = await webhookReceiver();
    try {
      harness = await recordingsHarness({ NOTIFY_WEBHOOK_URL: hook.url, NOTIFY_FORMAT: 'slack' });
      const response = await put('/recordings/s1.mp3?caller_id_number=%2B1555&duration_ms=75000&reason=unanswered', bytes(10));
      const { id, receivedAt } = (await response.json()) as { id: string; receivedAt: string };
      await harness.settled();
      const body = hook.received[0]?.body as { text: string };
      const local = formatInTimeZone(receivedAt, 'America/New_York', 'EEE d MMM, HH:mm');
      expect(body.text).toBe(`New voicemail from +1555: ${local} · 1:15 · Not answered. <https://pivot.example.com/recordings/inbox#${id}|Listen>`);
    } finally {
      await hook.close();
    }
    harness = await recordingsHarness({ NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:1/closed' });
    expect((await put('/recordings/s2.mp3', bytes(10))).status).toBe(201);
  });
});
