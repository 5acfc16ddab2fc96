import type { CallFacts, RecordingMeta } from './types.js';

/**
 * A recording's metadata with late facts about its call applied: facts fill what the upload did
 * not say, and Kazoo's duration replaces one measured from the audio.
 */
export function withCallFacts(meta: RecordingMeta, facts: CallFacts): RecordingMeta {
  const next: Record<string, unknown> = { ...meta };
  for (const [key, value] of Object.entries(facts)) {
    if (key !== 'durationSeconds') next[key] ??= value;
    else if (meta.durationFrom !== 'kazoo') Object.assign(next, { durationSeconds: value, durationFrom: 'kazoo' });
  }
  return next as unknown as RecordingMeta;
}
