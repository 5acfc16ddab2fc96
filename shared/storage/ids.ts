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
 * hash of the exact text, so `a@b` and `a_b` (or `[::1]` and `(::1)`) never share a key.
 */
export function callKey(callId: string): string {
  if (/^[A-Za-z0-9_-]{1,120}$/.test(callId)) return callId;
  const safe = callId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return `${safe}.${fnv1a64(callId)}`;
}

/** FNV-1a over the UTF-16 units, 64 bits as 16 hex digits: tiny, synchronous, and enough for keys. */
function fnv1a64(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low ^= text.charCodeAt(i);
    // Multiply by the 64-bit FNV prime 0x100000001b3 in 32-bit halves.
    const lowProduct = Math.imul(low, 0x1b3) >>> 0;
    const carry = Math.floor(((low >>> 0) * 0x1b3) / 0x100000000);
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = lowProduct;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
