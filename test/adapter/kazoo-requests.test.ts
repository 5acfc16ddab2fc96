import { describe, expect, it } from 'vitest';
import { readPivotRequest } from '../../shared/adapter/index.js';
import { EMPTY, formPost, getRequest, jsonPost } from './requests.js';

describe('readPivotRequest: requests as Kazoo sends them', () => {
  it('reads the illustrative kazoo-format first GET (protocol doc §1.2)', async () => {
    const query =
      'Account-ID=4b8c0001&Api-Version=4.x&Call-ID=abc123%40192.168.1.2&Caller-ID-Name=Alice&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&From-Realm=sip.example.com&Language=en-us&Request=5000&Request-Realm=sip.example.com&To=5000&To-Realm=sip.example.com&token=s3cret';
    expect(await readPivotRequest(getRequest(query))).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      accountId: '4b8c0001',
      apiVersion: '4.x',
      callId: 'abc123@192.168.1.2',
      callerIdName: 'Alice',
      callerIdNumber: '+14155550100',
      direction: 'inbound',
      from: '+14155550100',
      fromRealm: 'sip.example.com',
      language: 'en-us',
      requestUser: '5000',
      requestRealm: 'sip.example.com',
      to: '5000',
      toRealm: 'sip.example.com',
      params: {
        'Account-ID': '4b8c0001',
        'Api-Version': '4.x',
        'Call-ID': 'abc123@192.168.1.2',
        'Caller-ID-Name': 'Alice',
        'Caller-ID-Number': '+14155550100',
        Direction: 'inbound',
        From: '+14155550100',
        'From-Realm': 'sip.example.com',
        Language: 'en-us',
        Request: '5000',
        'Request-Realm': 'sip.example.com',
        To: '5000',
        'To-Realm': 'sip.example.com',
      },
    });
  });

  it('reads the real 4.0-era example from the crossbar pivot doc', async () => {
    const query =
      'Language=en-us&Caller-ID-Number=user_suyt9r93ng&Caller-ID-Name=user_suyt9r93ng&Direction=inbound&Api-Version=2015-03-01&To-Realm={SIP_REALM}&To=4786&From-Realm={SIP_REALM}&From=user_suyt9r93ng&Account-ID={ACCOUNT_ID}&Call-ID={UUID_1}';
    const result = await readPivotRequest(new Request(`http://127.0.0.1/pivot/kazoo_4786.php?${query}`));
    expect(result).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      language: 'en-us',
      callerIdNumber: 'user_suyt9r93ng',
      callerIdName: 'user_suyt9r93ng',
      direction: 'inbound',
      apiVersion: '2015-03-01',
      toRealm: '{SIP_REALM}',
      to: '4786',
      fromRealm: '{SIP_REALM}',
      from: 'user_suyt9r93ng',
      accountId: '{ACCOUNT_ID}',
      callId: '{UUID_1}',
      params: {
        Language: 'en-us',
        'Caller-ID-Number': 'user_suyt9r93ng',
        'Caller-ID-Name': 'user_suyt9r93ng',
        Direction: 'inbound',
        'Api-Version': '2015-03-01',
        'To-Realm': '{SIP_REALM}',
        To: '4786',
        'From-Realm': '{SIP_REALM}',
        From: 'user_suyt9r93ng',
        'Account-ID': '{ACCOUNT_ID}',
        'Call-ID': '{UUID_1}',
      },
    });
  });

  it('reads a twiml-format first request', async () => {
    const query =
      'CallSid=c4ll%40host&AccountSid=acc1&From=%2B14155550100&FromRealm=sip.example.com&To=5000&ToRealm=sip.example.com&ApiVersion=2010-04-01&Direction=inbound&CallerName=Bob+Jones&CallerNumber=%2B14155550100';
    expect(await readPivotRequest(getRequest(query))).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      callId: 'c4ll@host',
      accountId: 'acc1',
      from: '+14155550100',
      fromRealm: 'sip.example.com',
      to: '5000',
      toRealm: 'sip.example.com',
      apiVersion: '2010-04-01',
      direction: 'inbound',
      callerIdName: 'Bob Jones',
      callerIdNumber: '+14155550100',
      params: {
        CallSid: 'c4ll@host',
        AccountSid: 'acc1',
        From: '+14155550100',
        FromRealm: 'sip.example.com',
        To: '5000',
        ToRealm: 'sip.example.com',
        ApiVersion: '2010-04-01',
        Direction: 'inbound',
        CallerName: 'Bob Jones',
        CallerNumber: '+14155550100',
      },
    });
  });

  it('reads the §9 encoding example: collections, owner list, empty object', async () => {
    const result = await readPivotRequest(
      getRequest('Digits[menu]=1&User-ID[]=a&User-ID[]=b&&Caller-ID-Name=Alice+Smith'),
    );
    expect(result).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      callerIdName: 'Alice Smith',
      userIds: ['a', 'b'],
      digitCollections: { menu: '1' },
      params: { Digits: { menu: '1' }, 'User-ID': ['a', 'b'], 'Caller-ID-Name': 'Alice Smith' },
    });
  });

  it('reads a <Dial action> follow-up (form POST)', async () => {
    const body =
      'CallSid=c1&AccountSid=acc1&From=100&To=200&Direction=inbound&CallStatus=in-progress&DialCallStatus=no-answer&DialCallSid=d1al%40host';
    expect(await readPivotRequest(formPost(body, 'token=s3cret'))).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c1',
      accountId: 'acc1',
      from: '100',
      to: '200',
      direction: 'inbound',
      callStatus: 'in-progress',
      dialCallStatus: 'no-answer',
      dialCallSid: 'd1al@host',
      params: {
        CallSid: 'c1',
        AccountSid: 'acc1',
        From: '100',
        To: '200',
        Direction: 'inbound',
        CallStatus: 'in-progress',
        DialCallStatus: 'no-answer',
        DialCallSid: 'd1al@host',
      },
    });
  });

  it('reads a <Record action> follow-up (form POST, Digits = the terminating key)', async () => {
    const body =
      'CallSid=c1&RecordingUrl=https%3A%2F%2Fh%2Frec%2Fcall_recording_c1.mp3&RecordingDuration=7&Digits=%23';
    expect(await readPivotRequest(formPost(body))).toEqual({
      ...EMPTY,
      dialect: 'twiml',
      httpMethod: 'POST',
      callId: 'c1',
      recordingUrl: 'https://h/rec/call_recording_c1.mp3',
      recordingDuration: 7,
      digits: '#',
      params: {
        CallSid: 'c1',
        RecordingUrl: 'https://h/rec/call_recording_c1.mp3',
        RecordingDuration: '7',
        Digits: '#',
      },
    });
  });

  it('reads a JSON body with Digits collections, an owner list and typed scalars', async () => {
    const body = {
      'Call-ID': 'c1',
      'Account-ID': 'acc1',
      Digits: { main_menu: '2' },
      'User-ID': ['u1', 'u2'],
      'Recording-Duration': 12,
      'Custom-Application-Vars': { vip: true, tier: 3 },
      'Custom-SIP-Headers': {},
    };
    expect(await readPivotRequest(jsonPost(body))).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      httpMethod: 'POST',
      callId: 'c1',
      accountId: 'acc1',
      digitCollections: { main_menu: '2' },
      userIds: ['u1', 'u2'],
      recordingDuration: 12,
      customApplicationVars: { vip: 'true', tier: '3' },
      params: {
        'Call-ID': 'c1',
        'Account-ID': 'acc1',
        Digits: { main_menu: '2' },
        'User-ID': ['u1', 'u2'],
        'Recording-Duration': '12',
        'Custom-Application-Vars': { vip: 'true', tier: '3' },
        'Custom-SIP-Headers': {},
      },
    });
  });

  it('reads a kazoo-format request after TwiML activity (mixed naming, both Digits forms)', async () => {
    const query =
      'Call-ID=c1&ApiVersion=4.x&ToRealm=t.example&FromRealm=f.example&Recording-Url=https%3A%2F%2Fh%2Fa.mp3&RecordingUrl=https%3A%2F%2Fh%2Fb.mp3&RecordingDuration=3&CallStatus=completed&Digits=%23&Digits[default]=1234&Digits[pin]=99&Custom-Application-Vars[lang]=fr&Custom-SIP-Headers[X-Id]=7';
    expect(await readPivotRequest(getRequest(query))).toEqual({
      ...EMPTY,
      dialect: 'kazoo',
      callId: 'c1',
      apiVersion: '4.x',
      toRealm: 't.example',
      fromRealm: 'f.example',
      recordingUrl: 'https://h/a.mp3',
      recordingDuration: 3,
      callStatus: 'completed',
      digits: '#',
      digitCollections: { default: '1234', pin: '99' },
      customApplicationVars: { lang: 'fr' },
      customSipHeaders: { 'X-Id': '7' },
      params: {
        'Call-ID': 'c1',
        ApiVersion: '4.x',
        ToRealm: 't.example',
        FromRealm: 'f.example',
        'Recording-Url': 'https://h/a.mp3',
        RecordingUrl: 'https://h/b.mp3',
        RecordingDuration: '3',
        CallStatus: 'completed',
        Digits: { default: '1234', pin: '99' },
        'Custom-Application-Vars': { lang: 'fr' },
        'Custom-SIP-Headers': { 'X-Id': '7' },
      },
    });
  });
});
