/** How a dial ends for the caller: someone answers, nobody does, or the line is busy. */
export type DialAnswer = 'yes' | 'no' | 'busy';

/** The Kazoo whose behaviour is played: 4.3 uploads `record_caller` and `<Record>`, 5.x (master) never does. */
export type KazooVersion = '4.3' | '5';

/** One call to play against a `voice_url`: what Kazoo would know of it, and what the caller does. */
export interface CallOptions {
  /** The `voice_url` (userinfo is sent as HTTP Basic, as Kazoo does). */
  readonly url: string;
  /** The pivot node's `req_format`: the parameter names Kazoo sends. Default `kazoo`. */
  readonly dialect?: 'kazoo' | 'twiml';
  /** The pivot node's `method`. Default `get`. */
  readonly method?: 'get' | 'post';
  /** The pivot node's `req_body_format`, for POST. Default `form`. */
  readonly bodyFormat?: 'form' | 'json';
  readonly callerNumber?: string;
  readonly callerName?: string;
  /** The dialled number (`To`, `Request`). */
  readonly dialled?: string;
  readonly realm?: string;
  readonly callId?: string;
  readonly accountId?: string;
  /** PIVOT_TOKEN, put into the voice_url as userinfo (`pivot:TOKEN@`) the way owners configure it. */
  readonly token?: string;
  /** Sent as `X-Simulate-At` (with `X-Admin-Token`): a local time without a zone, or an ISO instant. */
  readonly at?: string;
  readonly adminToken?: string;
  /** Key presses, one entry per collect (`collect_dtmf` or `<Gather>`); `''` presses nothing. */
  readonly digits?: readonly string[];
  /** How each ring ends, in order; the last one repeats. Default `no`. */
  readonly answers?: readonly DialAnswer[];
  /** The caller's message, uploaded the way Kazoo would for the flow answered. */
  readonly record?: { readonly bytes: Uint8Array<ArrayBuffer>; readonly name: string };
  readonly kazoo?: KazooVersion;
  /** Requests before the call is cut (a loop). Default 20. */
  readonly maxRequests?: number;
  /** Kazoo's request timeout. Default 5000. */
  readonly timeoutMs?: number;
  /** Kazoo's callflow schemas (default `../shared/kazoo/schemas` beside the repo); `false`: built-in knowledge only. */
  readonly schemaDir?: string | false;
  /** Send requests for an origin to another one instead (`https://pivot.example.com` → `http://127.0.0.1:8787`). */
  readonly connectTo?: Readonly<Record<string, string>>;
  /** Treat hosts Kazoo refuses (localhost, 127.0.0.1) as a warning: trying a local server on purpose. */
  readonly allowLocal?: boolean;
  readonly fetch?: typeof fetch;
}

/** Where a request came from in the call. */
export type RequestVia = 'voice_url' | 'pivot' | 'Gather' | 'Dial' | 'Record' | 'Redirect';

export type Step =
  | {
      readonly kind: 'request';
      readonly via: RequestVia;
      readonly method: string;
      /** The URL, credentials hidden. */
      readonly url: string;
      readonly dialect: 'kazoo' | 'twiml';
      readonly body: 'query' | 'form' | 'json';
      readonly status?: number;
      readonly ms: number;
      readonly error?: string;
      /** What Kazoo made of the answer. */
      readonly answer?: 'callflow' | 'twiml' | 'empty' | 'unreadable' | 'unrecognized';
      readonly requestId?: string;
      readonly simulatedAt?: string;
      readonly simulateRefused?: string;
      /** Why our server answered its fallback (sent to a request with the right admin token). */
      readonly fallback?: string;
    }
  | { readonly kind: 'say'; readonly text: string; readonly voice?: string; readonly language?: string }
  | { readonly kind: 'play'; readonly media: string }
  | { readonly kind: 'collect'; readonly collection: string; readonly maxDigits: number; readonly pressed: string }
  | { readonly kind: 'ring'; readonly target: string; readonly id: string; readonly seconds: number; readonly outcome: DialAnswer }
  | { readonly kind: 'record'; readonly via: 'record_call' | 'record_caller' | 'Record'; readonly format: string }
  | { readonly kind: 'message'; readonly file: string; readonly bytes: number; readonly seconds?: number; readonly then: 'hangs up' | 'presses #' }
  | { readonly kind: 'upload'; readonly method: string; readonly url: string; readonly status?: number; readonly ms: number; readonly id?: string; readonly error?: string }
  | { readonly kind: 'wait'; readonly seconds: number }
  | { readonly kind: 'voicemail-box'; readonly id: string }
  | { readonly kind: 'reject'; readonly code: string }
  | { readonly kind: 'end'; readonly how: string }
  | { readonly kind: 'hung-up'; readonly reason: string }
  | { readonly kind: 'pivot-failed'; readonly reason: string; readonly then: string }
  | { readonly kind: 'warning'; readonly text: string };

/**
 * How the call ended: `completed` (the flow ran to its end: a hangup, the caller hung up after a
 * message, a conversation), `hung-up` (Kazoo would hang up on the caller here: a problem),
 * `pivot-failed` (Kazoo gives up on the URL and runs the pivot node's `_` child, which for the
 * first request is the owner's callflow, not ours: a problem), `loop-cut` (too many requests), `unsupported`.
 */
export type Outcome = 'completed' | 'hung-up' | 'pivot-failed' | 'loop-cut' | 'unsupported';

/** Everything that happened in one simulated call; `problems` empty means a caller would get through. */
export interface CallTrace {
  readonly steps: readonly Step[];
  readonly outcome: Outcome;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly requests: number;
  /** Every URL the answers handed to Kazoo (credentials hidden), followed or not. */
  readonly urls: readonly string[];
  /** How Callflow JSON was checked: Kazoo's schemas or the simulator's own knowledge; absent when none came back. */
  readonly checkedBy?: 'schemas' | 'built-in';
}
