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

/** A storage-safe form of a call id, for index keys; the exact call id lives in the metadata. */
export function callKey(callId: string): string {
  const safe = callId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120);
  return safe === '' ? '_' : safe;
}
