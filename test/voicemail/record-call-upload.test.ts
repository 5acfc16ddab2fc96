// Our record_call flow end to end: front-desk hands out the record_call url, Kazoo composes the
// upload URL from it (composition re-implemented here from 4.3 kzc_recording:handler_fields/3 +
// check_url/1 and master media_recording:handler_fields/2 + check_url/1, kz_att_http base_separator/1),
// and the recordings endpoint of the same server stores the message.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask, BASE, KAZOO_FIRST_GET, pivotAnswer } from '../support/pivot.js';

const TOKEN = 'vm-t0ken';
const CALL_ID = 'abc123@192.168.1.2';
let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pivot-edge-vm-'));
  env = { TIMEZONE: 'UTC', BUSINESS_HOURS: 'off', PUBLIC_BASE_URL: BASE, PIVOT_TOKEN: TOKEN, ADMIN_TOKEN: 'adm', RECORDINGS_DIR: dir };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** http_uri:encode, which both versions apply to each field value. */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The URL Kazoo PUTs to for a record_call `url`; `version` picks the field list and the extension quirk. */
function kazooUploadUrl(url: string, version: '4.3' | 'master', ext = 'mp3'): string {
  const base = url.replace(/\/+$/, '');
  const query = base.includes('?') ? base.slice(base.indexOf('?') + 1) : '';
  const last = query.split('&').at(-1) ?? '';
  const [lead, rest] = query === '' ? ['/', '?'] : [!last.includes('=') ? '=' : last.endsWith('=') ? '' : '&recording=', '&'];
  // master: "." ++ filename:extension(MediaName), and filename:extension keeps its dot.
  const fileName = `call_recording_${encode(CALL_ID)}${version === 'master' ? '.' : ''}.${ext}`;
  const common = `from=${encode('+14155550100@sip.example.com')}&to=${encode('5000@sip.example.com')}&caller_id_name=${encode('Alice Smith')}` +
    `&caller_id_number=${encode('+14155550100')}&call_id=${encode(CALL_ID)}&cdr_id=${encode(`202611-${CALL_ID}`)}&interaction_id=`;
  const tail = version === '4.3'
    ? `&owner_id=&account_id=4b8c0d0e0f101112131415161718191a&start=63937531200&duration_ms=12400&recording_id=202611-0f0e`
    : '&account_id=4b8c0d0e0f101112131415161718191a';
  return `${base}${lead}${fileName}${rest}${common}${tail}`;
}

async function handedOutUrl(): Promise<string> {
  vi.setSystemTime(new Date('2026-11-23T15:00:00Z'));
  const { json } = await pivotAnswer(await ask(env, `/front-desk?${KAZOO_FIRST_GET}`, { headers: { authorization: `Basic ${btoa(`pivot:${TOKEN}`)}` } }));
  const start = (json as { children: { _: { module: string; data: { url: string } } } }).children._;
  expect(start.module).toBe('record_call');
  return start.data.url;
}

/** PUT as kz_att_http does: userinfo becomes Basic auth, raw body, type from the file name. */
async function upload(url: string) {
  const parsed = new URL(url);
  expect(parsed.origin).toBe(BASE);
  const auth = `Basic ${btoa(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`)}`;
  // The path and query exactly as composed (URL parsing would re-encode them).
  const path = url.slice(url.indexOf('/', 'https://'.length));
  return ask(env, path, { method: 'PUT', body: new Uint8Array(3000).fill(7), headers: { authorization: auth, 'content-type': 'audio/mpeg' } });
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('a closed call → record_call → the upload Kazoo makes → stored', () => {
  it('hands out the recordings URL with our query, ending in an empty recording=', async () => {
    expect(await handedOutUrl()).toBe(
      `https://pivot:${TOKEN}@pivot.example.com/recordings?reason=closed&caller_name=Alice+Smith&caller_number=%2B14155550100&dialled=5000&recording=`,
    );
  });

  it.each(['4.3', 'master'] as const)('Kazoo %s: the upload is taken (201) and listed with the caller', async (version) => {
    const target = kazooUploadUrl(await handedOutUrl(), version);
    const fileName = version === 'master' ? 'call_recording_abc123%40192.168.1.2..mp3' : 'call_recording_abc123%40192.168.1.2.mp3';
    expect(target).toContain(`dialled=5000&recording=${fileName}&from=%2B14155550100%40sip.example.com&to=`);
    const response = await upload(target);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ callId: CALL_ID, bytes: 3000 });
    const listed = await ask(env, '/recordings', { headers: { authorization: 'Bearer adm' } });
    const { items } = (await listed.json()) as { items: Record<string, unknown>[] };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ callId: CALL_ID, callerIdName: 'Alice Smith', callerIdNumber: '+14155550100', name: 'call_recording_abc123@192.168.1.2.mp3' });
  });
});
