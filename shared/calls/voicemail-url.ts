import type { PivotRequest } from '../adapter/index.js';

/** Why a call reached our own voicemail; the recordings side shows it next to the message. */
export interface VoicemailReason {
  readonly kind: 'closed' | 'unanswered' | 'menu' | 'fallback' | 'vip' | 'lookup';
  /** e.g. the holiday (`Christmas`), the menu key, `busy`. */
  readonly detail?: string;
}

/** `closed`, with the holiday's reason (`Christmas`) as the detail when there is one. */
export function closedReason(holiday: string | undefined): VoicemailReason {
  return holiday === undefined || holiday === '' ? { kind: 'closed' } : { kind: 'closed', detail: holiday };
}

/** Why a closed state sends the caller to voicemail: the holiday, or the owner's switch (`closed until 14:00`). */
export function closedStateReason(state: { readonly reason?: string; readonly override?: { readonly label: string } }): VoicemailReason {
  return closedReason(state.reason ?? state.override?.label);
}

/** Who called and what they dialled, as the Pivot request told us. */
export interface CallerFacts {
  readonly name?: string;
  readonly number?: string;
  readonly dialled?: string;
}

export function callerFacts(request: PivotRequest): CallerFacts {
  const facts: { name?: string; number?: string; dialled?: string } = {};
  const number = request.callerIdNumber ?? request.from;
  const dialled = request.to ?? request.requestUser;
  if (request.callerIdName !== undefined) facts.name = request.callerIdName;
  if (number !== undefined) facts.number = number;
  if (dialled !== undefined) facts.dialled = dialled;
  return facts;
}

const FIELD_MAX = 100;
// Control characters, and lone surrogates (with the u flag a well-formed pair is one code point and
// never matches \p{Cs}); Kazoo's JSON decoder rejects lone surrogates.
const UNWANTED = /[\p{Cc}\p{Cs}]/gu;

/** Without control characters or lone surrogates, trimmed, at most FIELD_MAX code points. */
export function cleanField(value: string): string {
  const kept = value.replace(UNWANTED, '').trim();
  // At most FIELD_MAX UTF-16 units is at most FIELD_MAX code points: only longer text is cut.
  return kept.length <= FIELD_MAX ? kept : Array.from(kept).slice(0, FIELD_MAX).join('').trimEnd();
}

const OUR_KEYS = ['reason', 'detail', 'caller_name', 'caller_number', 'dialled', 'recording'] as const;

/**
 * The record_call `url`: the recordings endpoint plus what we know about the message, ending in an
 * empty `recording=`. Kazoo (4.3 kzc_recording, master media_recording) appends the file name
 * straight to a last parameter that ends in `=`, then `&from=…&to=…&caller_id_name=…`. Values are
 * form-encoded exactly as URLSearchParams writes them.
 */
export function recordingUrl(recordingsUrl: string, reason: VoicemailReason, caller: CallerFacts): string {
  let url = recordingsPrefix(recordingsUrl) + formPair('reason', reason.kind);
  for (const [key, value] of [['detail', reason.detail], ['caller_name', caller.name], ['caller_number', caller.number], ['dialled', caller.dialled]] as const) {
    const clean = value === undefined ? '' : cleanField(value);
    if (clean !== '') url += formPair(key, clean);
  }
  return `${url}recording=`;
}

const prefixes = new Map<string, string>();

/** The recordings URL without its fragment and our keys, ready for `key=value&` pairs: worked out once per URL. */
function recordingsPrefix(recordingsUrl: string): string {
  let prefix = prefixes.get(recordingsUrl);
  if (prefix === undefined) {
    const url = new URL(recordingsUrl);
    url.hash = '';
    for (const key of OUR_KEYS) url.searchParams.delete(key);
    const kept = url.searchParams.toString();
    url.search = '';
    prefix = `${url.toString()}?${kept === '' ? '' : `${kept}&`}`;
    // A handful of URLs per process (one per config and origin): start over rather than grow.
    if (prefixes.size >= 64) prefixes.clear();
    prefixes.set(recordingsUrl, prefix);
  }
  return prefix;
}

/** `key=value&` in application/x-www-form-urlencoded, as URLSearchParams serialises it (`value` holds no lone surrogate). */
function formPair(key: string, value: string): string {
  let encoded = encodeURIComponent(value);
  // encodeURIComponent leaves these five as they are; the form encoding escapes them.
  if (LEFT_BY_URI_ENCODING.test(encoded)) encoded = encoded.replace(/[!'()~]/g, (found) => `%${found.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${key}=${encoded.includes('%20') ? encoded.replaceAll('%20', '+') : encoded}&`;
}

const LEFT_BY_URI_ENCODING = /[!'()~]/;
