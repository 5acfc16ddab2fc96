// Ids start with the receive time subtracted from a constant so that plain lexicographic
// listing (all R2/S3/fs offer) yields newest first, with no separate index to keep in sync.
const INVERT = 9_999_999_999_999;
const ID_PATTERN = /^\d{13}-[0-9a-f]{12}$/;

function invertedTime(ms: number): string {
  return String(INVERT - ms).padStart(13, '0');
}

/** A new recording id for something received at `now`. */
export function newRecordingId(now: Date): string {
  const random = crypto.getRandomValues(new Uint8Array(6));
  const hex = Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${invertedTime(now.getTime())}-${hex}`;
}

/** True for strings shaped like our ids (nothing else may reach a storage key). */
export function isRecordingId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A key suffix that sorts after every id received at or after `cutoff`. */
export function olderThanMarker(cutoff: Date): string {
  return `${invertedTime(cutoff.getTime())}~`;
}

/**
 * A storage-safe key for a call id, for index keys; the exact call id lives in the metadata. A
 * plain id (letters, digits, `_`, `-`) is its own key; any other gets its safe characters plus a
 * hash of the exact text, so `a@b` and `a_b` (or `[::1]` and `(::1)`) do not share a key. Should
 * two ever share one, the exact call id in the records still tells them apart.
 */
export function callKey(callId: string): string {
  if (/^[A-Za-z0-9_-]{1,120}$/.test(callId)) return callId;
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < callId.length; i++) hash = Math.imul(hash ^ callId.charCodeAt(i), 0x01000193);
  return `${callId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}.${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
