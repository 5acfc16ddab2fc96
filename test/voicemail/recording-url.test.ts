import { describe, expect, it } from 'vitest';
import { callerFacts, recordingUrl } from '../../shared/calls/index.js';
import { cleanField } from '../../shared/calls/voicemail-url.js';
import { callflow } from '../../shared/flows/index.js';
import { readPivotRequest } from '../../shared/adapter/index.js';
import { callflowProblems, kazooSchemasPresent } from '../support/kazoo-schemas.js';

describe('the record_call url', () => {
  it('appends our query to a RECORDINGS_URL that has one, replaces our own keys, drops the fragment, ends in recording=', () => {
    const url = recordingUrl('https://rec.example.com/vm?box=7&reason=old&recording=x#frag', { kind: 'menu', detail: '9' }, { number: '+15550100' });
    expect(url).toBe('https://rec.example.com/vm?box=7&reason=menu&detail=9&caller_number=%2B15550100&recording=');
  });

  it('encodes what Kazoo must not split on (& = # ? + space) so the appended file name stays in recording=', () => {
    const url = recordingUrl('https://h/recordings', { kind: 'closed', detail: 'Christmas & New Year = closed?' }, { name: 'Ann #1 + Bob' });
    expect(url).toBe('https://h/recordings?reason=closed&detail=Christmas+%26+New+Year+%3D+closed%3F&caller_name=Ann+%231+%2B+Bob&recording=');
    expect(new URLSearchParams(new URL(`${url}call_recording_c1.mp3&from=a`).search).get('detail')).toBe('Christmas & New Year = closed?');
  });

  it('leaves out what is unknown or empty after cleaning', () => {
    expect(recordingUrl('https://h/recordings', { kind: 'fallback' }, { name: '\u0000\u0007 ', dialled: '' })).toBe('https://h/recordings?reason=fallback&recording=');
  });
});

describe('cleanField', () => {
  it('strips control characters (C0, DEL, C1) and lone surrogates, keeps pairs whole', () => {
    expect(cleanField('A\u0000l\u001fi\u007fc\u0085e \uD800x\uDC00 😀')).toBe('Alice x 😀');
  });

  it('caps at 100 code points, never splitting a surrogate pair', () => {
    const capped = cleanField(`a${'😀'.repeat(150)}`);
    expect(Array.from(capped)).toHaveLength(100);
    expect(capped.endsWith('😀')).toBe(true);
    expect(() => encodeURIComponent(capped)).not.toThrow(); // throws on a lone surrogate
  });
});

describe('callerFacts', () => {
  it('reads both dialects: Caller-ID-Name / CallerName, Caller-ID-Number / CallerNumber (else From), To (else Request)', async () => {
    const kazoo = await readPivotRequest(new Request('https://h/?Call-ID=c&Caller-ID-Name=Ann&Caller-ID-Number=%2B1555&To=5000'));
    expect(callerFacts(kazoo)).toEqual({ name: 'Ann', number: '+1555', dialled: '5000' });
    const twiml = await readPivotRequest(new Request('https://h/?CallSid=c&From=%2B1666&Request=6000'));
    expect(callerFacts(twiml)).toEqual({ number: '+1666', dialled: '6000' });
  });
});

describe.skipIf(!kazooSchemasPresent)('record_call and sleep against Kazoo schemas', () => {
  it('accepts our builders and refuses what Kazoo would refuse', () => {
    const start = callflow.recordCallStart({ url: 'https://h/recordings?reason=closed&recording=', format: 'wav', timeLimit: 10800, minSeconds: 2 });
    expect(callflowProblems(callflow.sleep(86_400, callflow.recordCallStop(start)))).toEqual([]);
    expect(callflowProblems(callflow.recordCallStart({ url: 'https://h/r?recording=', format: 'mp3', timeLimit: 4, minSeconds: 2 }))).not.toEqual([]);
    expect(callflowProblems(callflow.recordCallStart({ url: 'http://localhost/r?recording=', format: 'mp3', timeLimit: 60, minSeconds: 2 }))).not.toEqual([]);
  });
});
