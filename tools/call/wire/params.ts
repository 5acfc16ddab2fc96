import type { WireValue } from '../../kazoo/wire.js';

/** What Kazoo knows about the call between requests (kapps_call KVS), as the simulator plays it. */
export interface CallVars {
  readonly callId: string;
  readonly accountId: string;
  readonly callerNumber: string;
  readonly callerName: string;
  readonly dialled: string;
  readonly realm: string;
  /** `collect_dtmf` collections (`Digits[name]`), kept for the rest of the call. */
  collections?: Record<string, string>;
  /** The key that ended a `<Record>` (KVS `digit_pressed`): never cleared, it wins over later digits. */
  digitPressed?: string;
  /** Digits of the last `<Gather>`. */
  gathered?: string;
  recordingUrl?: string;
  recordingDuration?: string;
  dialCallStatus?: string;
  dialCallSid?: string;
  callStatus?: string;
  /** `<Set><Variable>` values, sent on every later request. */
  readonly variables: Record<string, string>;
}

type Params = Record<string, WireValue>;

function defined(entries: readonly (readonly [string, WireValue | undefined])[]): Params {
  const params: Params = {};
  for (const [key, value] of entries) if (value !== undefined) params[key] = value;
  return params;
}

/**
 * The parameters of one Pivot request, exactly as Kazoo builds them: the per-call vars
 * (`kzt_util:get_request_vars`, plus `<Set>` variables) overlaid by the format's base params
 * (`kzt_kazoo:req_params` or `kzt_twiml:req_params`), base params winning (pivot-protocol.md §1.2).
 */
export function pivotParams(format: 'kazoo' | 'twiml', call: CallVars): Params {
  const digits: WireValue | undefined = call.digitPressed ?? call.collections;
  const userVars = defined([
    ...Object.entries(call.variables),
    ['Digits', call.gathered],
    ['RecordingUrl', call.recordingUrl],
    ['RecordingDuration', call.recordingDuration],
    ['DialCallStatus', call.dialCallStatus],
    ['DialCallSid', call.dialCallSid],
    ['CallStatus', call.callStatus],
  ]);
  const base =
    format === 'kazoo'
      ? defined([
          ['Account-ID', call.accountId],
          ['Api-Version', '4.x'],
          ['Call-ID', call.callId],
          ['Call-Status', call.callStatus],
          ['Caller-ID-Name', call.callerName],
          ['Caller-ID-Number', call.callerNumber],
          ['Custom-Application-Vars', {}],
          ['Custom-SIP-Headers', {}],
          ['Digits', digits],
          ['Direction', 'inbound'],
          ['From', call.callerNumber],
          ['From-Realm', call.realm],
          ['Language', 'en-us'],
          ['Recording-Duration', call.recordingDuration],
          ['Recording-Url', call.recordingUrl],
          ['Request', call.dialled],
          ['Request-Realm', call.realm],
          ['To', call.dialled],
          ['To-Realm', call.realm],
        ])
      : defined([
          ['CallSid', call.callId],
          ['AccountSid', call.accountId],
          ['From', call.callerNumber],
          ['FromRealm', call.realm],
          ['To', call.dialled],
          ['ToRealm', call.realm],
          ['CallStatus', call.callStatus],
          ['ApiVersion', '2010-04-01'],
          ['Direction', 'inbound'],
          ['CallerName', call.callerName],
          ['CallerNumber', call.callerNumber],
          ['RecordingUrl', call.recordingUrl],
          ['RecordingDuration', call.recordingDuration],
          ['Digits', digits],
        ]);
  return { ...userVars, ...base };
}
