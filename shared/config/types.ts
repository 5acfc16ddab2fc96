import type { Schedule } from '../hours/types.js';

/** Who rings: a Kazoo device, a Kazoo user, or a number dialled through carrier resources. */
export type RingTarget =
  | { readonly kind: 'device'; readonly id: string }
  | { readonly kind: 'user'; readonly id: string }
  | { readonly kind: 'number'; readonly number: string };

/** One MENU entry's destination. */
export type MenuTarget =
  | RingTarget
  | { readonly kind: 'voicemail'; readonly boxId?: string }
  | { readonly kind: 'front-desk' }
  | { readonly kind: 'hangup' };

export interface MenuConfig {
  /** Digit ('0'-'9', '*', '#') to destination. */
  readonly entries: ReadonlyMap<string, MenuTarget>;
  /** Spoken names of keys (`1=device:ID "Sales"`), used by the generated prompt. */
  readonly labels: ReadonlyMap<string, string>;
  readonly prompt: string;
  /** Re-prompts after the first attempt before the fallback. */
  readonly retries: number;
}

/** The business's own "who is calling" service (CALLER_LOOKUP_*). */
export interface LookupConfig {
  /** Absolute http(s) URL without userinfo (credentials moved to `authorization`). */
  readonly url: string;
  readonly method: 'get' | 'post';
  /** Budget for the whole lookup: cache, connection, redirects, body. */
  readonly timeoutMs: number;
  /** How long an answer is reused for the same caller; 0: never cached. */
  readonly cacheSeconds: number;
  /** Authorization header value (CALLER_LOOKUP_AUTH, or the URL's userinfo as Basic). A secret. */
  readonly authorization?: string;
  /** CALLER_LOOKUP_OVERRIDES: the lookup's route also decides for VIP and blocked callers. */
  readonly overrides: boolean;
}

/** Decisions by who is calling: VIP and blocked numbers (E.164), and the lookup. */
export interface CallersConfig {
  /** DEFAULT_COUNTRY_CODE, digits only: places national numbers. */
  readonly countryCode?: string;
  readonly vipNumbers: ReadonlySet<string>;
  /** Where VIPs ring; unset: the front desk. */
  readonly vipTarget?: RingTarget;
  readonly blockedNumbers: ReadonlySet<string>;
  readonly blockAnonymous: boolean;
  readonly lookup?: LookupConfig;
}

export type ForceState = 'auto' | 'open' | 'closed';
export type ResponseFormat = 'callflow' | 'twiml' | 'auto';
export type Endpoint = 'front-desk' | 'collected' | 'gathered' | 'recordings';

/** A problem found in one variable; the rest of the config still loads. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * The validated, frozen configuration. A variable that failed validation is left out
 * (undefined) and listed in `problems`, so endpoints can still answer a fallback flow.
 */
export interface Config {
  readonly timeZone?: string;
  readonly hours?: Schedule;
  readonly forceState: ForceState;
  readonly responseFormat: ResponseFormat;
  readonly frontDesk?: RingTarget;
  /** Seconds to ring before voicemail. */
  readonly ringTimeout: number;
  /** 32-hex Kazoo voicemail box id; unset: we record the caller ourselves. */
  readonly voicemailBoxId?: string;
  readonly greetingOpen: string;
  /** May contain `{reason}` and `{next_open}`. */
  readonly greetingClosed: string;
  readonly voice: 'female' | 'male';
  readonly language: string;
  readonly menu?: MenuConfig;
  /** Absolute base URL with no trailing slash, e.g. `https://pivot.example.com`. */
  readonly publicBaseUrl?: string;
  /** Explicit absolute URLs of sibling endpoints; missing ones are derived from the base. */
  readonly endpointUrls: Readonly<Partial<Record<Endpoint, string>>>;
  readonly pivotToken?: string;
  readonly adminToken?: string;
  readonly recordingFormat: 'mp3' | 'wav';
  readonly maxRecordingSeconds: number;
  readonly maxRecordingBytes: number;
  readonly retentionDays?: number;
  readonly notify?: { readonly url: string; readonly format: 'json' | 'slack' };
  /** Node only: where the filesystem store keeps recordings. */
  readonly recordingsDir: string;
  /** Node only: S3 bucket name on Lambda. */
  readonly recordingsBucket?: string;
  readonly port: number;
  /** LOG_LEVEL: the lowest level of request log line written. */
  readonly logLevel: 'info' | 'warn' | 'error';
  readonly callers: CallersConfig;
  readonly problems: readonly ConfigProblem[];
  /** Non-fatal notes for the start-up log (e.g. PIVOT_TOKEN unset). */
  readonly warnings: readonly string[];
}
