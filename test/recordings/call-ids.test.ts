// Every Call-ID SIP allows is stored under a safe key and listed exactly; none gets a 400 (which
// would lose that caller's message). Over real HTTP, in the shapes Kazoo sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { localRecordings } from './local-server.js';
import { SIP_CALL_IDS } from './sip-call-ids.js';

const MP3 = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/audio/cbr-16k-8khz.mp3')));
const SAFE_ENTRY = /^(audio|meta|calls|facts)(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,200})?$/;

let server: Awaited<ReturnType<typeof localRecordings>>;
beforeAll(async () => {
  server = await localRecordings();
});
afterAll(() => server.close());

const pathOf = (url: string): string => url.slice(url.indexOf('/', url.indexOf('//') + 2));

async function expectStored(target: string, callId: string): Promise<void> {
  const sent = await server.send('PUT', target, MP3, { 'content-type': 'audio/mpeg' });
  expect({ callId, status: sent.status }).toEqual({ callId, status: 201 });
  const { id } = JSON.parse(sent.body) as { id: string };
  expect((await server.list()).find((item) => item.id === id)).toMatchObject({ callId, durationSeconds: 3 });
}

describe('SIP Call-ID corpus', () => {
  it.each(SIP_CALL_IDS)('record_call (4.3 and master, with and without a query): %j', async (callId) => {
    for (const version of ['4.3', 'master'] as const) {
      await expectStored(pathOf(recordCallUploadUrl('https://h/recordings', version, { callId })), callId);
      await expectStored(pathOf(recordCallUploadUrl('https://h/recordings?reason=menu&recording=', version, { callId })), callId);
    }
  });

  // record_caller and <Record> put the Call-ID in the path unencoded: `/`, `?`, `#` and `\` would
  // change the URL's structure, and a `%` followed by two hex digits reads as an escape. Every
  // other Call-ID arrives intact.
  const rawable = SIP_CALL_IDS.filter((callId) => !/[/?#\\]|%[0-9A-Fa-f]{2}/.test(callId));
  it.each(rawable)('record_caller and <Record>, Call-ID raw in the path: %j', async (callId) => {
    await expectStored(`/recordings/${callId}.mp3`, callId);
    await expectStored(`/recordings/call_recording_${callId}.mp3`, callId);
  });

  it('keeps every storage key to safe characters, whatever the Call-IDs', async () => {
    const entries = (await server.files()).filter((entry) => !entry.startsWith('.tmp'));
    expect(entries.length).toBeGreaterThan(SIP_CALL_IDS.length * 4);
    for (const entry of entries) expect(entry).toMatch(SAFE_ENTRY);
  });
});
