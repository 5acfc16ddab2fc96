import { describe, expect, it } from 'vitest';
import { nameFromPathSegment, parseName } from '../../functions/recordings/upload-name.js';
import { readUploadQuery } from '../../functions/recordings/upload-query.js';
import { httpUriEncode, recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { SIP_CALL_IDS } from './sip-call-ids.js';

describe('upload names', () => {
  it.each([
    ['abc123.mp3', 'abc123', 'mp3'],
    ['call_recording_abc123.wav', 'abc123', 'wav'],
    ['call_recording_7e5f-4ad4%40192.168.1.2.mp3', '7e5f-4ad4@192.168.1.2', 'mp3'],
    ['0a1b2c3d-aaaa-bbbb-cccc-0123456789ab.MP3', '0a1b2c3d-aaaa-bbbb-cccc-0123456789ab', 'mp3'],
    // A `%` that starts no escape is the Call-ID's own; `+` is a plus, not a space.
    ['100%.mp3', '100%', 'mp3'],
    ['a%zz+b.mp3', 'a%zz+b', 'mp3'],
  ])('%s', (segment, callId, ext) => {
    expect(nameFromPathSegment(segment)).toMatchObject({ callId, ext });
  });

  it.each(SIP_CALL_IDS)('takes the SIP Call-ID %j as Kazoo encodes it in the name', (callId) => {
    expect(nameFromPathSegment(`call_recording_${httpUriEncode(callId)}.mp3`).callId).toBe(callId);
  });

  it.each([
    ['abc.exe', 'audio extension'],
    ['abc', 'audio extension'],
    ['.mp3', 'no Call-ID'],
    ['a%00.mp3', 'control character'],
    ['a%0d%0aX-Injected: 1.mp3', 'control character'],
    [`${'x'.repeat(1025)}.mp3`, 'longer than 1024'],
  ])('refuses %j with 400 (%s)', (segment, why) => {
    expect(() => nameFromPathSegment(segment)).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining(why) }));
  });

  it('keeps traversal-looking Call-IDs as plain text: they are metadata, never a storage key', () => {
    expect(parseName('call_recording_../../etc/passwd.mp3').callId).toBe('../../etc/passwd');
    expect(nameFromPathSegment('..%2f..%2fescape.mp3').callId).toBe('../../escape');
  });
});

describe('the upload query, as Kazoo builds it (pivot-protocol.md §5.2)', () => {
  const handedOut = 'https://pivot:t@h/recordings?reason=closed&detail=Christmas+Eve&caller_name=Alice+Smith&caller_number=%2B14155550100&dialled=5000&recording=';
  const fields = { callId: 'x@[2001:db8::9:1]', from: '+14155550100@sip.example.com', to: '+15551230000@sip.example.com', callerIdName: 'Alice "Al" Smith', callerIdNumber: '+14155550100' };

  it.each(['4.3', 'master'] as const)('%s: our keys, Kazoo fields and the file name appended into recording=', (version) => {
    const url = recordCallUploadUrl(handedOut, version, { ...fields, durationMs: 12_400 });
    const query = readUploadQuery(url.slice(url.indexOf('?') + 1));
    // master's media_recording writes "." before filename:extension/1's ".mp3".
    expect(query.fileName).toBe(`call_recording_x@[2001:db8::9:1]${version === 'master' ? '..' : '.'}mp3`);
    expect([query.ours('reason'), query.ours('detail'), query.ours('caller_name'), query.ours('dialled')]).toEqual(['closed', 'Christmas Eve', 'Alice Smith', '5000']);
    expect([query.kazoo('caller_id_name'), query.kazoo('caller_id_number'), query.kazoo('from'), query.kazoo('call_id')]).toEqual([
      'Alice "Al" Smith', '+14155550100', '+14155550100@sip.example.com', 'x@[2001:db8::9:1]',
    ]);
    expect(query.kazoo('duration_ms')).toBe(version === '4.3' ? '12400' : undefined);
    expect(query.kazoo('cdr_id')).toBeUndefined();
  });

  it('finds the name after a last parameter with no "=", or after "&recording=" when the last had a value', () => {
    expect(readUploadQuery(recordCallUploadUrl('https://h/r?box', '4.3', { callId: 'c1' }).split('?')[1] ?? '').fileName).toBe('call_recording_c1.mp3');
    const added = recordCallUploadUrl('https://h/r?token=abc', '4.3', { callId: 'c2' });
    expect(added).toContain('?token=abc&recording=call_recording_c2.mp3&from=');
    expect(readUploadQuery(added.split('?')[1] ?? '').fileName).toBe('call_recording_c2.mp3');
  });

  it('finds a TwiML <Record> name glued onto the action URL query, and gives the parameter its own value back', () => {
    const query = readUploadQuery('reason=closed&detail=Christmas/call_recording_abc@[::1].mp3');
    expect(query.fileName).toBe('call_recording_abc@[::1].mp3');
    expect(query.ours('detail')).toBe('Christmas');
  });

  it('takes the last non-empty Kazoo field and the first of ours when a key repeats', () => {
    const query = readUploadQuery('from=ours&caller_name=first&caller_name=second&recording=call_recording_a.mp3&from=%2B1555&to=');
    expect([query.kazoo('from'), query.ours('caller_name'), query.kazoo('to')]).toEqual(['+1555', 'first', undefined]);
  });
});
