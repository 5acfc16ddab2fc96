// Uploads over real HTTP in the exact URL shapes Kazoo builds (pivot-protocol.md §5), on 4.3
// and master, with and without a query on the URL we hand out: the metadata is stored and
// listed, and the duration comes from Kazoo or, when Kazoo sends none, from the real audio.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatInTimeZone } from 'date-fns-tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { localRecordings } from './local-server.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/audio');
const MP3 = new Uint8Array(readFileSync(join(FIXTURES, 'vbr-xing-8khz.mp3'))); // 2.592 s
const WAV = new Uint8Array(readFileSync(join(FIXTURES, 'speech-8khz.wav'))); // 0.6 s
const ZONE = 'America/New_York';

let server: Awaited<ReturnType<typeof localRecordings>>;
beforeAll(async () => {
  server = await localRecordings();
});
afterAll(() => server.close());

/** The request target (path and query) of an absolute URL, exactly as written. */
const target = (url: string): string => url.slice(url.indexOf('/', url.indexOf('//') + 2));
const local = (receivedAt: unknown): string => formatInTimeZone(String(receivedAt), ZONE, 'EEE d MMM, HH:mm');

async function upload(url: string, body: Uint8Array, type: string, method = 'PUT'): Promise<Record<string, unknown>> {
  const sent = await server.send(method, target(url), body, { 'content-type': type, 'user-agent': 'kazoo' });
  expect(sent.status).toBe(201);
  const { id } = JSON.parse(sent.body) as { id: string };
  const item = (await server.list()).find((listed) => listed.id === id);
  if (item === undefined) throw new Error(`${id} not listed`);
  return item;
}

// What vm-flows hands out as record_call's url (the contract in the brief): our keys, then an
// empty recording= so Kazoo appends the file name straight into it.
const ours = new URLSearchParams({ reason: 'closed', detail: 'Christmas', caller_name: 'A. Smith (ours)', caller_number: '+14155550199', dialled: '5999' });
const withQuery = `https://pivot:t@pivot.example.com/recordings?${ours.toString()}&recording=`;
const withoutQuery = 'https://pivot:t@pivot.example.com/recordings';
const kazoo = {
  from: '+14155550100@sip.example.com',
  to: '+15551230000@sip.example.com',
  callerIdName: 'Alice Smith',
  callerIdNumber: '+14155550100',
  cdrId: '202612-abc',
};

describe('record_call uploads (pivot-protocol.md §5.2)', () => {
  it.each(['4.3', 'master'] as const)('%s, url with our query: Kazoo fields win, our reason is kept', async (version) => {
    const callId = `q-${version}@[2001:db8::9:1]`;
    const url = recordCallUploadUrl(withQuery, version, { ...kazoo, callId, ...(version === '4.3' ? { durationMs: 12_400, start: 63_900_000_000 } : {}) });
    const item = await upload(url, MP3, 'audio/mpeg');
    expect(item).toMatchObject({
      callId, name: `call_recording_${callId}.mp3`, callerIdName: 'Alice Smith', callerIdNumber: '+14155550100',
      from: '+14155550100@sip.example.com', to: '+15551230000@sip.example.com', dialled: '+15551230000',
      reason: { kind: 'closed', detail: 'Christmas', label: 'Closed (Christmas)' },
      receivedLocal: local(item.receivedAt), timeZone: ZONE, bytes: MP3.byteLength, contentType: 'audio/mpeg',
      // 4.3 says duration_ms; master says nothing, so the audio is measured (2.592 s).
      durationSeconds: version === '4.3' ? 12 : 3,
    });
  });

  it.each(['4.3', 'master'] as const)('%s, url with our query and Kazoo fields empty: ours fill in', async (version) => {
    const url = recordCallUploadUrl(withQuery, version, { callId: `e-${version}` });
    expect(await upload(url, MP3, 'audio/mpeg')).toMatchObject({
      callerIdName: 'A. Smith (ours)', callerIdNumber: '+14155550199', dialled: '5999', from: null, to: null, durationSeconds: 3,
    });
  });

  it.each(['4.3', 'master'] as const)('%s, url without a query: the name in the path, Kazoo fields after it', async (version) => {
    const url = recordCallUploadUrl(withoutQuery, version, { ...kazoo, callId: `p-${version}`, ext: 'wav' });
    expect(url).toContain(`/recordings/call_recording_p-${version}${version === 'master' ? '..' : '.'}wav?from=%2B14155550100%40sip.example.com&to=`);
    expect(await upload(url, WAV, 'audio/x-wav', 'POST')).toMatchObject({
      // master names the file `..wav`; the Call-ID field tells where the Call-ID ends.
      callId: `p-${version}`, name: `call_recording_p-${version}.wav`, callerIdName: 'Alice Smith', dialled: '+15551230000', contentType: 'audio/x-wav',
      reason: { kind: null, detail: null, label: 'Unknown' }, durationSeconds: 1,
    });
  });
});

describe('4.3 uploads through `store` (record_caller, TwiML <Record>)', () => {
  it('record_caller: <url>/<CallId>.mp3 with the Call-ID raw, no fields; duration from the audio', async () => {
    expect(await upload('https://h/recordings/raw-1@[::1].mp3', MP3, 'audio/mpeg')).toMatchObject({
      callId: 'raw-1@[::1]', name: 'raw-1@[::1].mp3', callerIdName: null, durationSeconds: 3,
    });
  });

  const followUp = (callId: string, recordingUrl: string, query = '') =>
    server.send('POST', `/recordings${query}`, new URLSearchParams({
      CallSid: callId, AccountSid: 'acc', From: '+14155550100', To: '5000', CallerName: 'Bob Jones', CallerNumber: '+14155550100',
      RecordingUrl: recordingUrl, RecordingDuration: '9', Digits: 'hangup',
    }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

  it('<Record>: the action request before the upload gives caller, dialled number and duration', async () => {
    const callId = 'tw-1@10.0.0.1';
    const answer = await followUp(callId, `https://pivot.example.com/recordings/call_recording_${callId}.mp3`, '?reason=unanswered');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Hangup/>');
    expect(await upload(`https://h/recordings/call_recording_${callId}.mp3`, MP3, 'audio/mpeg')).toMatchObject({
      callId, callerIdName: 'Bob Jones', callerIdNumber: '+14155550100', from: '+14155550100', dialled: '5000',
      reason: { kind: 'unanswered', label: 'Not answered' }, durationSeconds: 9,
    });
  });

  it('<Record>: the upload first, measured from the audio, then corrected by the action request', async () => {
    const callId = 'tw-2';
    expect(await upload(`https://h/recordings/call_recording_${callId}.mp3`, MP3, 'audio/mpeg')).toMatchObject({ durationSeconds: 3, callerIdName: null });
    expect((await followUp(callId, `https://pivot.example.com/recordings/call_recording_${callId}.mp3`)).status).toBe(200);
    expect((await server.list()).find((item) => item.callId === callId)).toMatchObject({ durationSeconds: 9, callerIdName: 'Bob Jones', dialled: '5000' });
  });

  it('<Record> with an action URL that has a query: the name is glued onto it, both requests agree', async () => {
    const callId = 'tw-3@[::1]';
    const stored = `https://pivot.example.com/recordings?reason=closed&detail=Christmas/call_recording_${callId}.mp3`;
    expect(await upload(stored, MP3, 'audio/mpeg')).toMatchObject({ callId, reason: { label: 'Closed (Christmas)' } });
    expect((await followUp(callId, stored, '?reason=closed&detail=Christmas')).status).toBe(200);
    expect((await server.list()).find((item) => item.callId === callId)).toMatchObject({ durationSeconds: 9, callerIdName: 'Bob Jones' });
  });
});
