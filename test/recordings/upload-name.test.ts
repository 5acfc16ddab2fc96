import { describe, expect, it } from 'vitest';
import { nameFromPathSegment, nameFromQuery } from '../../functions/recordings/upload-name.js';

describe('upload names', () => {
  it.each([
    ['abc123.mp3', 'abc123', 'mp3'],
    ['call_recording_abc123.wav', 'abc123', 'wav'],
    ['call_recording_7e5f-4ad4%40192.168.1.2.mp3', '7e5f-4ad4@192.168.1.2', 'mp3'],
    ['0a1b2c3d-aaaa-bbbb-cccc-0123456789ab.MP3', '0a1b2c3d-aaaa-bbbb-cccc-0123456789ab', 'mp3'],
    // Kazoo master's record_call: media_recording joins "." with filename:extension's ".mp3".
    ['call_recording_7e5f-4ad4%40192.168.1.2..mp3', '7e5f-4ad4@192.168.1.2', 'mp3'],
  ])('%s', (segment, callId, ext) => {
    expect(nameFromPathSegment(segment)).toMatchObject({ callId, ext });
  });

  it.each([
    '..', '%2e%2e', '%2E%2E.mp3', '..%2fetc.mp3', 'a%2fb.mp3', 'a%5cb.mp3', 'a\\b.mp3', 'a%00.mp3', '%252e%252e.mp3',
    '.hidden.mp3', 'a..b.mp3', 'abc.exe', 'abc', 'abc.mp3%', 'a b.mp3', '%ZZ.mp3', `${'x'.repeat(201)}.mp3`,
  ])('refuses %s with 400', (segment) => {
    expect(() => nameFromPathSegment(segment)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('finds the file name inside the query (record_call with a url that has a query)', () => {
    expect(nameFromQuery(new URLSearchParams('token=x&recording=call_recording_c1.mp3&from=a'))?.callId).toBe('c1');
    expect(nameFromQuery(new URLSearchParams('box=call_recording_c2.wav&from=a'))?.callId).toBe('c2');
    expect(nameFromQuery(new URLSearchParams('reason=closed&recording=call_recording_c3..mp3&from=a'))).toMatchObject({ callId: 'c3', fileName: 'call_recording_c3.mp3' });
    expect(nameFromQuery(new URLSearchParams('from=a'))).toBeUndefined();
    expect(() => nameFromQuery(new URLSearchParams('recording=call_recording_../x.mp3'))).toThrow();
  });
});
