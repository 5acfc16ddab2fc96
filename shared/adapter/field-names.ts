import type { PivotRequest } from './types.js';

/** The typed PivotRequest fields that hold one piece of text. */
export type TextField = {
  [Field in keyof PivotRequest]-?: PivotRequest[Field] extends string | undefined
    ? Field extends 'dialect' | 'httpMethod' ? never : Field
    : never;
}[keyof PivotRequest];

export interface ParamSpellings {
  readonly kazoo: readonly string[];
  readonly twiml: readonly string[];
}

const same = (...names: string[]): ParamSpellings => ({ kazoo: names, twiml: names });

/**
 * Where each text field comes from. The no-dash spellings (`ApiVersion`, `ToRealm`,
 * `FromRealm`) also show up inside kazoo-format requests, and a kazoo request after
 * TwiML activity mixes styles, so every field accepts both; the request's own
 * dialect is tried first.
 */
export const TEXT_FIELD_SPELLINGS: Readonly<Record<TextField, ParamSpellings>> = {
  callId: { kazoo: ['Call-ID'], twiml: ['CallSid'] },
  accountId: { kazoo: ['Account-ID'], twiml: ['AccountSid'] },
  callerIdNumber: { kazoo: ['Caller-ID-Number'], twiml: ['CallerNumber'] },
  callerIdName: { kazoo: ['Caller-ID-Name'], twiml: ['CallerName'] },
  from: same('From'),
  fromRealm: { kazoo: ['From-Realm'], twiml: ['FromRealm'] },
  to: same('To'),
  toRealm: { kazoo: ['To-Realm'], twiml: ['ToRealm'] },
  requestUser: same('Request'),
  requestRealm: same('Request-Realm'),
  direction: same('Direction'),
  language: same('Language'),
  apiVersion: { kazoo: ['Api-Version'], twiml: ['ApiVersion'] },
  callStatus: { kazoo: ['Call-Status'], twiml: ['CallStatus'] },
  digits: same('Digits'),
  dialCallStatus: same('DialCallStatus'),
  dialCallSid: same('DialCallSid'),
  recordingUrl: { kazoo: ['Recording-Url'], twiml: ['RecordingUrl'] },
};

export const RECORDING_DURATION_SPELLINGS: ParamSpellings = {
  kazoo: ['Recording-Duration'],
  twiml: ['RecordingDuration'],
};
