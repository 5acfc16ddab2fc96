import type { CallFacts, RecordingMeta } from './types.js';

const FACT_KEYS = ['callerIdNumber', 'callerIdName', 'from', 'to', 'dialled', 'reasonKind', 'reasonDetail'] as const;

/**
 * A recording's metadata with late facts about its call applied: facts fill what the upload did
 * not say, and Kazoo's duration replaces one measured from the audio. Returns `meta` itself when
 * nothing changes.
 */
export function withCallFacts(meta: RecordingMeta, facts: CallFacts): RecordingMeta {
  let next: RecordingMeta = meta;
  for (const key of FACT_KEYS) {
    const value = facts[key];
    if (value !== undefined && next[key] === undefined) next = { ...next, [key]: value };
  }
  const seconds = facts.durationSeconds;
  if (seconds !== undefined && meta.durationFrom !== 'kazoo' && meta.durationSeconds !== seconds) {
    next = { ...next, durationSeconds: seconds, durationFrom: 'kazoo' };
  } else if (seconds !== undefined && meta.durationFrom === undefined && meta.durationSeconds === seconds) {
    next = { ...next, durationFrom: 'kazoo' };
  }
  return next;
}

/** Two sets of facts about one call combined; `later` wins where both say something. */
export function mergedFacts(earlier: CallFacts, later: CallFacts): CallFacts {
  const merged: Record<string, unknown> = { ...earlier };
  for (const [key, value] of Object.entries(later)) if (value !== undefined) merged[key] = value;
  return merged as CallFacts;
}
