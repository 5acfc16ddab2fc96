import { safeEqual } from '../../shared/http/secret.js';

/** How long a playback link works: long enough to listen to a message, short enough not to matter in a log. */
export const LINK_SECONDS = 15 * 60;

const encoder = new TextEncoder();
// A key of its own, derived from ADMIN_TOKEN, so a signature never is a MAC made with the token itself.
const PURPOSE = 'pivot-edge recording link v1';
const keys = new Map<string, Promise<CryptoKey>>();

/** A signed playback link's query for recording `id`: `expires=<unix seconds>&sig=<base64url>`. */
export async function signLink(secret: string, id: string, now: Date): Promise<{ readonly query: string; readonly expiresAt: Date }> {
  const expires = Math.floor(now.getTime() / 1000) + LINK_SECONDS;
  const sig = await signature(secret, id, expires);
  return { query: `expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000) };
}

/** True when `sig` was made by `signLink` for this `id` and `expires` has not passed (constant-time check). */
export async function verifyLink(secret: string, id: string, expires: string | undefined, sig: string | undefined, now: Date): Promise<boolean> {
  if (expires === undefined || sig === undefined || !/^\d{1,12}$/.test(expires)) return false;
  const seconds = Number(expires);
  const nowSeconds = now.getTime() / 1000;
  // A link that claims to outlive what we hand out was not made by us.
  if (seconds < nowSeconds || seconds > nowSeconds + LINK_SECONDS + 60) return false;
  return safeEqual(sig, await signature(secret, id, seconds));
}

async function signature(secret: string, id: string, expires: number): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await linkKey(secret), encoder.encode(`${id}.${expires}`));
  return base64url(new Uint8Array(mac));
}

function linkKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = derive(secret);
    // One secret is configured per process; a rotated token simply adds one entry.
    keys.set(secret, key);
  }
  return key;
}

async function derive(secret: string): Promise<CryptoKey> {
  const hmac = { name: 'HMAC', hash: 'SHA-256' };
  const master = await crypto.subtle.importKey('raw', encoder.encode(secret), hmac, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', master, encoder.encode(PURPOSE));
  return crypto.subtle.importKey('raw', derived, hmac, false, ['sign']);
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
