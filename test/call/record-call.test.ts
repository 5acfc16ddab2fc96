// The voicemail shape issue 9 moves to (record_call start, a prompt, sleep, stop, goodbye): the
// simulator uploads as Kazoo's record_call does, into our real recordings endpoint, on 4.3 and 5.x.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simulateCall } from '../../tools/call/index.js';
import { nodeServer, stubServer, type TestServer } from '../support/servers.js';
import { ADMIN_TOKEN, MESSAGE, PIVOT_TOKEN, PUBLIC, stepsOf } from './scenarios.js';

const node = (module: string, data: Record<string, unknown>, next?: unknown) => ({ module, data, children: next === undefined ? {} : { _: next } });
const recordingsUrl = `https://pivot:${PIVOT_TOKEN}@desk.pivot-edge.test/recordings?reason=closed&detail=Christmas&caller_number=%2B14155550100&recording=`;
const voicemail = node(
  'tts',
  { text: 'We are closed for Christmas.' },
  node('record_call', { action: 'start', url: recordingsUrl, format: 'mp3', time_limit: 300, record_min_sec: 2 },
    node('tts', { text: 'Please leave a message, then hang up.' },
      node('sleep', { duration: 300, unit: 's' },
        node('record_call', { action: 'stop' }, node('tts', { text: 'We did not hear a message. Goodbye.' }, node('hangup', {})))))),
);
const recordCaller = node('record_caller', { url: `https://pivot:${PIVOT_TOKEN}@desk.pivot-edge.test/recordings`, format: 'mp3', method: 'put', time_limit: 300 }, node('hangup', {}));

let recordings: TestServer;
let stub: TestServer;
beforeAll(async () => {
  recordings = await nodeServer({ PIVOT_TOKEN, ADMIN_TOKEN, TIMEZONE: 'America/New_York' });
  stub = await stubServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(request.url?.startsWith('/record-caller') ? recordCaller : voicemail));
  });
});
afterAll(() => Promise.all([recordings.close(), stub.close()]));

const play = (path: string, extra: Parameters<typeof simulateCall>[0] extends infer O ? Partial<O> : never = {}) =>
  simulateCall({ url: `${stub.origin}${path}`, allowLocal: true, connectTo: { [PUBLIC]: recordings.origin }, callId: `vm-${path.slice(1)}@10.0.0.1`, ...extra });

it('record_call: the caller speaks during the sleep and hangs up; the recording is PUT with its file name in the query', async () => {
  const trace = await play('/voicemail', { record: MESSAGE, callerName: 'Alice' });
  expect(trace.problems).toEqual([]);
  expect(stepsOf(trace, 'say').map((step) => step.text)).toEqual(['We are closed for Christmas.', 'Please leave a message, then hang up.']);
  expect(stepsOf(trace, 'message')).toEqual([{ kind: 'message', file: 'test-message.mp3', bytes: MESSAGE.bytes.byteLength, seconds: expect.closeTo(2.232, 2), then: 'hangs up' }]);
  const [upload] = stepsOf(trace, 'upload');
  expect(upload?.url).toMatch(/^https:\/\/pivot:•••@desk\.pivot-edge\.test\/recordings\?reason=closed&detail=Christmas&caller_number=%2B14155550100&recording=call_recording_vm-voicemail@10\.0\.0\.1\.mp3&from=%2B14155550100%40sip\.example\.com&to=/);
  expect(upload).toMatchObject({ method: 'PUT', status: 201 });
  const listing = (await (await fetch(`${recordings.origin}/recordings`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { items: Record<string, unknown>[] };
  expect(listing.items.find((item) => item.id === upload?.id)).toMatchObject({ callId: 'vm-voicemail@10.0.0.1', callerIdNumber: '+14155550100', callerIdName: 'Alice', bytes: MESSAGE.bytes.byteLength, durationSeconds: 2 });
});

it('record_call without a message: the caller waits through the sleep, hears the goodbye, nothing is uploaded', async () => {
  const trace = await play('/voicemail');
  expect(trace.problems).toEqual([]);
  expect(stepsOf(trace, 'wait')).toEqual([{ kind: 'wait', seconds: 300 }]);
  expect(stepsOf(trace, 'say').at(-1)?.text).toBe('We did not hear a message. Goodbye.');
  expect(stepsOf(trace, 'upload')).toEqual([]);
  expect(trace.warnings).toContain('no --record file: nothing uploaded for this recording');
});

it('the same record_call uploads on Kazoo 5.x (master) too; record_caller does not', async () => {
  const modern = await play('/voicemail', { record: MESSAGE, kazoo: '5' });
  expect(modern.problems).toEqual([]);
  expect(stepsOf(modern, 'upload')[0]?.url).toMatch(/&account_id=\w+$/);
  const lost = await play('/record-caller', { record: MESSAGE, kazoo: '5' });
  expect(stepsOf(lost, 'upload')).toEqual([]);
  expect(lost.problems).toEqual(['record_caller never uploads on Kazoo 5.x (master has no `store` application): this message is lost']);
  const old = await play('/record-caller', { record: MESSAGE });
  expect(stepsOf(old, 'upload')).toMatchObject([{ method: 'PUT', status: 201, url: 'https://pivot:•••@desk.pivot-edge.test/recordings/vm-record-caller@10.0.0.1.mp3' }]);
  expect(old.warnings).toContain('record_caller uploads on Kazoo 4.3 only: on 5.x (master) this message would be lost');
});
