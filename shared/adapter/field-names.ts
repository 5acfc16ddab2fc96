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

// The fields a `<Record action>` follow-up reads, exported one by one so that the recordings
// function, which reads only these, bundles only these.
export const CALL_ID: ParamSpellings = { kazoo: ['Call-ID'], twiml: ['CallSid'] };
export const CALLER_ID_NUMBER: ParamSpellings = { kazoo: ['Caller-ID-Number'], twiml: ['CallerNumber'] };
export const CALLER_ID_NAME: ParamSpellings = { kazoo: ['Caller-ID-Name'], twiml: ['CallerName'] };
export const FROM: ParamSpellings = { kazoo: ['From'], twiml: ['From'] };
export const TO: ParamSpellings = { kazoo: ['To'], twiml: ['To'] };
export const RECORDING_URL: ParamSpellings = { kazoo: ['Recording-Url'], twiml: ['RecordingUrl'] };

/**
 * Where each text field comes from. The no-dash spellings (`ApiVersion`, `ToRealm`,
 * `FromRealm`) also show up inside kazoo-format requests, and a kazoo request after
 * TwiML activity mixes styles, so every field accepts both; the request's own
 * dialect is tried first.
 */
export const TEXT_FIELD_SPELLINGS: Readonly<Record<TextField, ParamSpellings>> = {
  callId: CALL_ID,
  accountId: { kazoo: ['Account-ID'], twiml: ['AccountSid'] },
  callerIdNumber: CALLER_ID_NUMBER,
  callerIdName: CALLER_ID_NAME,
  from: FROM,
  fromRealm: { kazoo: ['From-Realm'], twiml: ['FromRealm'] },
  to: TO,
  toRealm: { kazoo: ['To-Realm'], twiml: ['ToRealm'] },
  requestUser: { kazoo: ['Request'], twiml: ['Request'] },
  requestRealm: { kazoo: ['Request-Realm'], twiml: ['Request-Realm'] },
  direction: { kazoo: ['Direction'], twiml: ['Direction'] },
  language: { kazoo: ['Language'], twiml: ['Language'] },
  apiVersion: { kazoo: ['Api-Version'], twiml: ['ApiVersion'] },
  callStatus: { kazoo: ['Call-Status'], twiml: ['CallStatus'] },
  digits: { kazoo: ['Digits'], twiml: ['Digits'] },
  dialCallStatus: { kazoo: ['DialCallStatus'], twiml: ['DialCallStatus'] },
  dialCallSid: { kazoo: ['DialCallSid'], twiml: ['DialCallSid'] },
  recordingUrl: RECORDING_URL,
};

export const RECORDING_DURATION_SPELLINGS: ParamSpellings = {
  kazoo: ['Recording-Duration'],
  twiml: ['RecordingDuration'],
};
