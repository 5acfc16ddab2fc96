import { describe, expect, it } from 'vitest';
import { readPivotRequest } from '../../shared/adapter/index.js';
import { BASE, EMPTY, formPost, getRequest, jsonPost } from './requests.js';

const SAME_CONTENT_QUERY =
  'Call-ID=c1&Caller-ID-Name=Alice+Smith&Digits[menu]=1&User-ID[]=a&User-ID[]=b&&Custom-Application-Vars[k]=v&Recording-Duration=5';
const SAME_CONTENT_JSON = {
  'Call-ID': 'c1',
  'Caller-ID-Name': 'Alice Smith',
  Digits: { menu: '1' },
  'User-ID': ['a', 'b'],
  'Custom-SIP-Headers': {},
  'Custom-Application-Vars': { k: 'v' },
  'Recording-Duration': 5,
};

describe('readPivotRequest: sources', () => {
  it('gives equal results for the same content as GET, form POST and JSON POST', async () => {
    const fromGet = await readPivotRequest(getRequest(SAME_CONTENT_QUERY));
    const fromForm = await readPivotRequest(formPost(SAME_CONTENT_QUERY));
    const fromJson = await readPivotRequest(jsonPost(SAME_CONTENT_JSON));
    const expected = {
      ...EMPTY,
      dialect: 'kazoo',
      callId: 'c1',
      callerIdName: 'Alice Smith',
      digitCollections: { menu: '1' },
      userIds: ['a', 'b'],
      customApplicationVars: { k: 'v' },
      recordingDuration: 5,
    };
    const params = {
      'Call-ID': 'c1',
      'Caller-ID-Name': 'Alice Smith',
      Digits: { menu: '1' },
      'User-ID': ['a', 'b'],
      'Custom-Application-Vars': { k: 'v' },
      'Recording-Duration': '5',
    };
    expect(fromGet).toEqual({ ...expected, httpMethod: 'GET', params });
    expect(fromForm).toEqual({ ...expected, httpMethod: 'POST', params });
    // JSON keeps the empty object that the query string can only show as "&&".
    expect(fromJson).toEqual({ ...expected, httpMethod: 'POST', params: { ...params, 'Custom-SIP-Headers': {} } });
  });

  it('merges the body over the query, body winning per name, and drops token from both', async () => {
    const result = await readPivotRequest(formPost('Call-ID=from-body&To=200&token=t2', 'token=t1&Call-ID=from-query&From=100'));
    expect(result).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      httpMethod: 'POST',
      callId: 'from-body',
      from: '100',
      to: '200',
      params: { 'Call-ID': 'from-body', From: '100', To: '200' },
    });
  });

  it.each([
    'application/x-www-form-urlencoded; charset=UTF-8',
    'Application/X-WWW-Form-Urlencoded;charset=utf-8',
  ])('reads a form body labelled %s', async (contentType) => {
    expect((await readPivotRequest(formPost('Call-ID=c1', '', contentType))).params).toEqual({ 'Call-ID': 'c1' });
  });

  it('reads JSON labelled application/json; charset=utf-8', async () => {
    const result = await readPivotRequest(formPost('{"CallSid":"c1"}', '', 'application/json; charset=utf-8'));
    expect(result).toEqual({ ...EMPTY, dialect: 'twiml', httpMethod: 'POST', callId: 'c1', params: { CallSid: 'c1' } });
  });

  it('sniffs an unlabelled body: "{" means JSON, anything else form', async () => {
    const json = await readPivotRequest(formPost('  {"CallSid":"c1"}', '', null));
    const form = await readPivotRequest(formPost('CallSid=c2', '', 'text/plain'));
    expect(json).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c1',
      params: { CallSid: 'c1' },
      problems: ['body: no content type, read as json'],
    });
    expect(form).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c2',
      params: { CallSid: 'c2' },
      problems: ['body: content type "text/plain", read as form'],
    });
  });

  it('keeps the query params when the JSON body is invalid or not an object', async () => {
    const invalid = await readPivotRequest(formPost('{"token":"s3cret",', 'Call-ID=c1', 'application/json'));
    const list = await readPivotRequest(formPost('["a"]', 'Call-ID=c1', 'application/json'));
    const base = { ...EMPTY, dialect: 'kazoo' as const, httpMethod: 'POST', callId: 'c1', params: { 'Call-ID': 'c1' } };
    expect(invalid).toEqual({ ...base, problems: ['body: invalid JSON, ignored'] });
    expect(list).toEqual({ ...base, problems: ['body: JSON is not an object, ignored'] });
  });

  it('reads only the query for methods other than POST', async () => {
    const put = new Request(`${BASE}?Call-ID=c1`, { method: 'PUT', body: 'Call-ID=c2' });
    const head = new Request(`${BASE}?Call-ID=c3`, { method: 'HEAD' });
    expect(await readPivotRequest(put)).toEqual({ ...EMPTY, dialect: 'kazoo', httpMethod: 'PUT', callId: 'c1', params: { 'Call-ID': 'c1' } });
    expect(await readPivotRequest(head)).toEqual({ ...EMPTY, dialect: 'kazoo', httpMethod: 'HEAD', callId: 'c3', params: { 'Call-ID': 'c3' } });
  });

  it('treats an empty POST body as no body', async () => {
    expect(await readPivotRequest(formPost('', 'CallSid=c1'))).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c1',
      params: { CallSid: 'c1' },
    });
  });
});

describe('readPivotRequest: typed fields', () => {
  it('reads kazoo when both naming styles identify the call, preferring kazoo spellings', async () => {
    const result = await readPivotRequest(getRequest('CallSid=twiml-id&Call-ID=kazoo-id&CallerNumber=1&Caller-ID-Number=2'));
    expect(result).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      callId: 'kazoo-id',
      callerIdNumber: '2',
      params: { CallSid: 'twiml-id', 'Call-ID': 'kazoo-id', CallerNumber: '1', 'Caller-ID-Number': '2' },
      problems: ['request mixes kazoo and twiml identity keys, read as kazoo'],
    });
  });

  it('prefers the TwiML spelling in a twiml request and falls back to the other', async () => {
    const result = await readPivotRequest(getRequest('CallSid=c1&CallStatus=ringing&Call-Status=x&Recording-Url=u'));
    expect(result).toMatchObject({ dialect: 'twiml', callStatus: 'ringing', recordingUrl: 'u' });
  });

  it('leaves out empty values and reads the dialect as unknown without identity keys', async () => {
    expect(await readPivotRequest(getRequest('Digits=&From=&To=5000&User-ID=&CallStatus'))).toEqual({
      ...EMPTY,
      to: '5000',
      params: { Digits: '', From: '', To: '5000', 'User-ID': '', CallStatus: '' },
    });
  });

  it.each([
    ['7', 7],
    ['7.25', 7.25],
    ['0', 0],
  ])('reads RecordingDuration=%s as %d', async (text, seconds) => {
    expect((await readPivotRequest(getRequest(`RecordingDuration=${text}`))).recordingDuration).toBe(seconds);
  });

  it.each(['-1', 'abc', '0x10', '1e3', 'Infinity', '+7'])('ignores RecordingDuration=%s', async (text) => {
    const result = await readPivotRequest(getRequest(`RecordingDuration=${encodeURIComponent(text)}`));
    expect(result.recordingDuration).toBeUndefined();
    expect(result.problems).toEqual(['recording duration is not a number of seconds, ignored']);
  });

  it('reads a single User-ID string as a one-element list', async () => {
    expect((await readPivotRequest(getRequest('User-ID=owner1'))).userIds).toEqual(['owner1']);
  });

  it('returns a deeply frozen result', async () => {
    const result = await readPivotRequest(getRequest('Digits[menu]=1&User-ID[]=a'));
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.params['Digits'])).toBe(true);
    expect(Object.isFrozen(result.userIds)).toBe(true);
    expect(Object.isFrozen(result.problems)).toBe(true);
  });
});
