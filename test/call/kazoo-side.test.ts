// The simulator's copy of Kazoo's side, piece by piece: request encoding, URL resolution, answer
// reading, upload URLs, --at values, and the built-in module knowledge agreeing with the schemas.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerFrontDesk } from '../../functions/front-desk/answer.js';
import { menuFlow, voicemailFlow } from '../../shared/calls/index.js';
import { parseConfig } from '../../shared/config/index.js';
import { readAnswer } from '../../tools/call/wire/answer.js';
import { pivotParams, type CallVars } from '../../tools/call/wire/params.js';
import { audioSeconds, recordCallUrl, storeUrl } from '../../tools/call/wire/recording.js';
import { simulateAtValue } from '../../tools/call/command/when.js';
import { checkCallflow } from '../../tools/kazoo/callflow.js';
import { encodeLikeKazoo, resolveLikeKazoo } from '../../tools/kazoo/wire.js';
import { kazooSchemasPresent } from '../support/kazoo-schemas.js';
import { BASE, BOX_ID, DEVICE_ID, KAZOO_FIRST_GET, TWIML_FIRST_GET } from '../support/pivot.js';
import { makeWav } from '../recordings/audio-fixtures.js';
import { MESSAGE } from './scenarios.js';

const FIXTURES = fileURLToPath(new URL('../../../shared/kazoo/fixtures/kz_http_util_cases.json', import.meta.url));

const ALICE: CallVars = {
  callId: 'abc123@192.168.1.2',
  accountId: '4b8c0d0e0f101112131415161718191a',
  callerNumber: '+14155550100',
  callerName: 'Alice Smith',
  dialled: '5000',
  realm: 'sip.example.com',
  variables: {},
};

describe('requests as Pivot sends them (pivot-protocol.md §1)', () => {
  it('a first request in each dialect encodes exactly like the captured ones', () => {
    expect(encodeLikeKazoo(pivotParams('kazoo', ALICE))).toBe(KAZOO_FIRST_GET);
    const twiml = encodeLikeKazoo(pivotParams('twiml', ALICE));
    expect(twiml.split('&').sort()).toEqual(TWIML_FIRST_GET.split('&').sort());
  });

  it('collections travel as Digits[name]; a <Record> key wins over later digits; base params win over call vars', () => {
    const after = { ...ALICE, collections: { menu: '2' }, dialCallStatus: 'ringing', callStatus: 'no-answer', variables: { mood: 'calm' } };
    expect(encodeLikeKazoo(pivotParams('kazoo', after))).toContain('&Digits[menu]=2&');
    expect(pivotParams('kazoo', after)).toMatchObject({ DialCallStatus: 'ringing', CallStatus: 'no-answer', 'Call-Status': 'no-answer', mood: 'calm' });
    expect(pivotParams('twiml', { ...ALICE, gathered: '5', digitPressed: '#' }).Digits).toBe('#');
    expect(pivotParams('twiml', { ...ALICE, gathered: '5' }).Digits).toBe('5');
  });

  it('resolves relative URLs the Kazoo way (§4.4, §9)', () => {
    expect(resolveLikeKazoo('http://h:8080/a/b/c.php?x=1', '/collected')).toBe('http://h:8080/a/b/collected');
    expect(resolveLikeKazoo('http://h/pivot', '/collected')).toBe('http://h/pivot/collected');
    expect(resolveLikeKazoo('http://h/a/start', 'next')).toBe('http://h/a/start/next');
    expect(resolveLikeKazoo('http://h/a/b', 'https://elsewhere/x')).toBe('https://elsewhere/x');
  });

  it.skipIf(!existsSync(FIXTURES))("resolves every resolve_uri case of Kazoo's own tests", () => {
    const cases = (JSON.parse(readFileSync(FIXTURES, 'utf8')) as { resolve_uri: { base: string; relative: string | null; out: string }[] }).resolve_uri;
    for (const { base, relative, out } of cases) expect(resolveLikeKazoo(base, relative ?? undefined), `${base} + ${relative}`).toBe(out);
  });
});

describe('answers read the way Kazoo reads them (§2)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const twiml = '<Response><Hangup/></Response>';
  const json = '{"module":"hangup","data":{},"children":{}}';

  it.each([
    ['application/json', json, 'callflow'],
    ['application/json; charset=utf-8', json, 'callflow'],
    ['application/xml', twiml, 'twiml'],
    ['text/xml', twiml, 'twiml'],
    [null, twiml, 'twiml'],
    [null, json, 'failed'],
    ['text/html', json, 'callflow'],
    ['text/plain', twiml, 'twiml'],
    ['Application/JSON', json, 'callflow'],
    ['application/xml', json, 'failed'],
    ['application/json', twiml, 'stop'],
    ['application/xml', '<response><Hangup/></response>', 'failed'],
  ] as const)('%s with %s reads as %s', (type, body, kind) => {
    expect(readAnswer(200, type, bytes(body)).kind).toBe(kind);
  });

  it('only 200 and 206 run; an empty 200 stops the call', () => {
    expect(readAnswer(206, 'application/json', bytes(json)).kind).toBe('callflow');
    for (const status of [201, 204, 302, 404, 500]) expect(readAnswer(status, 'application/json', bytes(json)).kind).toBe('failed');
    expect(readAnswer(200, 'application/json', new Uint8Array())).toEqual({ kind: 'stop', reason: '200 with an empty body', answer: 'empty' });
    expect(readAnswer(200, 'application/json', new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ kind: 'stop', reason: 'invalid JSON: not valid UTF-8' });
  });
});

describe('recordings uploaded as Kazoo uploads them (§5)', () => {
  const now = new Date('2026-12-25T15:00:00Z');

  it('record_call: the file name after a /, or into the query; then the fields, 4.3 and master', () => {
    expect(recordCallUrl('https://h/recordings/', ALICE, 'mp3', '5', 1500, now)).toBe(
      'https://h/recordings/call_recording_abc123@192.168.1.2.mp3?from=%2B14155550100%40sip.example.com&to=5000%40sip.example.com&caller_id_name=Alice%20Smith&caller_id_number=%2B14155550100&call_id=abc123%40192.168.1.2&cdr_id=cdr-abc123%40192.168.1.2&interaction_id=interaction-abc123%40192.168.1.2&account_id=4b8c0d0e0f101112131415161718191a',
    );
    expect(recordCallUrl('https://h/recordings?reason=closed&recording=', ALICE, 'mp3', '5', undefined, now)).toMatch(/^https:\/\/h\/recordings\?reason=closed&recording=call_recording_abc123@192\.168\.1\.2\.mp3&from=/);
    expect(recordCallUrl('https://h/recordings?name', ALICE, 'wav', '5', undefined, now)).toMatch(/^https:\/\/h\/recordings\?name=call_recording_abc123@192\.168\.1\.2\.wav&from=/);
    expect(recordCallUrl('https://h/recordings?a=1', ALICE, 'mp3', '5', undefined, now)).toMatch(/^https:\/\/h\/recordings\?a=1&recording=call_recording_abc123@192\.168\.1\.2\.mp3&from=/);
    const old = recordCallUrl('https://h/r', ALICE, 'mp3', '4.3', 1500, now);
    expect(old).toMatch(/&account_id=4b8c0d0e0f101112131415161718191a&start=\d+&duration_ms=1500&recording_id=\w+$/);
    expect(old).toContain('&owner_id=&');
  });

  it('record_caller and <Record>: the file under the URL, no query', () => {
    expect(storeUrl('https://pivot:t@h/recordings/', 'abc.mp3')).toBe('https://pivot:t@h/recordings/abc.mp3');
  });

  it('reads the length of real audio: WAV from its header, MP3 from its frames', () => {
    expect(audioSeconds(makeWav(1.5))).toBeCloseTo(1.5, 3);
    // The committed message: 2.232 s by sox (`soxi -D tools/doctor/test-message.mp3`).
    expect(audioSeconds(MESSAGE.bytes)).toBeCloseTo(2.232, 2);
    expect(audioSeconds(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('--at', () => {
  const monday = new Date(2026, 10, 23, 8, 0);
  it.each([
    ['Dec 25 10:00', '2026-12-25T10:00'],
    ['dec 25 9:05', '2026-12-25T09:05'],
    ['Nov 1 10:00', '2027-11-01T10:00'],
    ['Mon 09:30', '2026-11-23T09:30'],
    ['Sunday 18:00', '2026-11-29T18:00'],
    ['tomorrow 08:00', '2026-11-24T08:00'],
    ['17:30', '2026-11-23T17:30'],
    ['2026-12-25 10:00', '2026-12-25T10:00'],
    ['2026-12-25T15:00:00Z', '2026-12-25T15:00:00Z'],
  ])('%s → %s', (text, value) => {
    expect(simulateAtValue(text, monday)).toBe(value);
  });

  it.each(['soon', 'Dec 32 10:00', '25:00', 'Mon 9', 'Feb 30 10:00'])('%s is not a time', (text) => {
    expect(simulateAtValue(text, monday)).toBeUndefined();
  });
});

describe("the simulator's own module knowledge", () => {
  const config = parseConfig({ TIMEZONE: 'America/New_York', BUSINESS_HOURS: '24/7', FRONT_DESK_DEVICE_ID: DEVICE_ID, MENU: `1=device:${DEVICE_ID}`, PUBLIC_BASE_URL: BASE });
  const context = { config, dialect: 'callflow' as const, urls: { 'front-desk': `${BASE}/front-desk`, collected: `${BASE}/collected`, gathered: `${BASE}/gathered`, recordings: `${BASE}/recordings` }, caller: { number: '+14155550100' } };
  const noLookup = () => Promise.reject(new Error('no CALLER_LOOKUP_URL is set, so front-desk never asks'));
  const ours = async () =>
    [
      menuFlow(context, 'Press 1.', 0),
      voicemailFlow(context, 'Please leave a message.', { kind: 'closed' }),
      voicemailFlow(context, '', { kind: 'menu' }, BOX_ID),
      await answerFrontDesk(
        { context, request: { dialect: 'kazoo', httpMethod: 'GET', userIds: [], digitCollections: {}, customApplicationVars: {}, customSipHeaders: {}, params: {}, problems: [] }, now: new Date(), override: null, query: () => undefined, note: () => undefined },
        noLookup,
      ),
    ].flatMap((flow) => (flow.dialect === 'callflow' ? [flow.action] : []));
  const broken = [
    { module: 'say', data: { text: 'hi' }, children: {} },
    { module: 'tts', data: { text: '' }, children: {} },
    { module: 'tts', data: {}, children: {} },
    { module: 'tts', children: {} },
    { module: 'device', data: { timeout: 'twenty' }, children: {} },
    { module: 'pivot', data: { voice_url: '/collected' }, children: {} },
    { module: 'pivot', data: { voice_url: 'https://127.0.0.1/collected' }, children: {} },
    { module: 'record_call', data: {}, children: {} },
    { module: 'record_call', data: { action: 'start', time_limit: 2 }, children: {} },
    { module: 'sleep', data: { duration: 30, unit: 'minutes' }, children: {} },
    { module: 'voicemail', data: { id: 'short' }, children: {} },
    { module: 'response', data: { code: 'busy' }, children: {} },
    { module: 'tts', data: { text: 'hi' }, children: { _: { module: 'collect_dtmf', data: { max_digits: 0 }, children: {} } } },
  ];

  it('takes every flow we answer with, like the schemas', async () => {
    const flows = await ours();
    expect(flows.length).toBeGreaterThanOrEqual(4);
    for (const action of flows) {
      expect(checkCallflow(action, false).problems).toEqual([]);
      if (kazooSchemasPresent) expect(checkCallflow(action).problems).toEqual([]);
    }
  });

  it.each(broken)('refuses $module with bad data, like the schemas', (action) => {
    expect(checkCallflow(action, false).problems).not.toEqual([]);
    if (kazooSchemasPresent) expect(checkCallflow(action).problems).not.toEqual([]);
  });
});
