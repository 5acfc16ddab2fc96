import type { CallFacts, ReasonKind } from '../../shared/storage/types.js';

/** What Kazoo itself says about the call, from whichever request carries it. */
export interface KazooCallFields {
  readonly callerIdName?: string | undefined;
  readonly callerIdNumber?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly durationSeconds?: number | undefined;
}

const REASONS: ReadonlySet<string> = new Set<ReasonKind>(['closed', 'unanswered', 'menu', 'fallback', 'vip', 'lookup']);
const FIELD_MAX = 200;

/**
 * The call facts from Kazoo's own fields and from the query keys we put in the URLs we hand out
 * (`reason`, `detail`, `caller_name`, `caller_number`, `dialled`): Kazoo's non-empty fields win.
 * Text is stripped of control characters and cut at 200 characters (code points).
 */
export function callFacts(kazoo: KazooCallFields, ours: (key: string) => string | undefined): CallFacts {
  const to = clean(kazoo.to);
  const reason = clean(ours('reason'))?.toLowerCase();
  // Without the keys left undefined: facts only ever say what is known.
  return JSON.parse(JSON.stringify({
    callerIdName: clean(kazoo.callerIdName) ?? clean(ours('caller_name')),
    callerIdNumber: clean(kazoo.callerIdNumber) ?? clean(ours('caller_number')),
    from: clean(kazoo.from),
    to,
    // Kazoo's `to` is `user@realm`; the user part is the number dialled.
    dialled: clean(to?.split('@')[0]) ?? clean(ours('dialled')),
    reasonKind: reason !== undefined && REASONS.has(reason) ? reason : undefined,
    reasonDetail: clean(ours('detail')),
    durationSeconds: kazoo.durationSeconds,
  })) as CallFacts;
}

/** Whole seconds from Kazoo's `duration_ms`; undefined unless a positive number. */
export function secondsFromMs(text: string | undefined): number | undefined {
  const ms = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : undefined;
}

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\p{Cc}/gu, '').trim();
  if (text === undefined || text === '') return undefined;
  const chars = [...text];
  return chars.length > FIELD_MAX ? chars.slice(0, FIELD_MAX).join('') : text;
}
