/** One decoded parameter value: text, a list (`Key[]=v`) or an object (`Key[sub]=v`), nested as sent. */
export type ParamValue = string | readonly ParamValue[] | { readonly [key: string]: ParamValue };

/** Every decoded parameter of a request, by top-level name. */
export type Params = Readonly<Record<string, ParamValue>>;

/** Which parameter naming the request used. */
export type RequestDialect = 'kazoo' | 'twiml' | 'unknown';

/**
 * A Pivot request from Kazoo, normalized across both parameter dialects, the
 * query string, form bodies and JSON bodies. Typed fields are undefined when the
 * parameter is absent or empty.
 */
export interface PivotRequest {
  /** `kazoo` when Kazoo identity keys (Call-ID, Account-ID, Caller-ID-*) are present, else `twiml` when TwiML ones are. */
  readonly dialect: RequestDialect;
  /** Upper-case HTTP method, e.g. `GET`, `POST`. */
  readonly httpMethod: string;
  /** `Call-ID` | `CallSid` */
  readonly callId?: string;
  /** `Account-ID` | `AccountSid` */
  readonly accountId?: string;
  /** `Caller-ID-Number` | `CallerNumber` */
  readonly callerIdNumber?: string;
  /** `Caller-ID-Name` | `CallerName` */
  readonly callerIdName?: string;
  readonly from?: string;
  /** `From-Realm` | `FromRealm` */
  readonly fromRealm?: string;
  readonly to?: string;
  /** `To-Realm` | `ToRealm` */
  readonly toRealm?: string;
  /** `Request`: the SIP Request-URI user. */
  readonly requestUser?: string;
  readonly requestRealm?: string;
  readonly direction?: string;
  readonly language?: string;
  /** `Api-Version` | `ApiVersion` */
  readonly apiVersion?: string;
  /** `Call-Status` | `CallStatus` */
  readonly callStatus?: string;
  /** `User-ID`, as a string or a list; empty when absent. */
  readonly userIds: readonly string[];
  /** Plain `Digits=...` (legacy / TwiML form). */
  readonly digits?: string;
  /** `Digits[collection]=digits` (or JSON `"Digits": {...}`) from `collect_dtmf`. */
  readonly digitCollections: Readonly<Record<string, string>>;
  readonly dialCallStatus?: string;
  readonly dialCallSid?: string;
  /** `Recording-Url` | `RecordingUrl` */
  readonly recordingUrl?: string;
  /** `Recording-Duration` | `RecordingDuration`, in seconds; undefined unless a finite number >= 0. */
  readonly recordingDuration?: number;
  readonly customApplicationVars: Readonly<Record<string, string>>;
  readonly customSipHeaders: Readonly<Record<string, string>>;
  /** Every decoded parameter (query and body merged, body wins), except `token`. */
  readonly params: Params;
  /** What could not be read, for the log. Never contains parameter values. */
  readonly problems: readonly string[];
}
