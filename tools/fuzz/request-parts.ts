// Pieces every generator uses: the server's settings, credentials as Kazoo sends them, bodies and framings.
import { NO_BODY, utf8, type Framing } from './case.js';
import type { Random } from './random.js';

export const FUZZ_TOKEN = 'fuzz-pivot-token-0123456789';
export const FUZZ_ADMIN_TOKEN = 'fuzz-admin-token-9876543210';
export const DEVICE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const USER_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
/** The largest upload the fuzzed server takes (MAX_RECORDING_MB). */
export const FUZZ_MAX_UPLOAD = 1024 * 1024;

/** The fuzzed server's settings: a menu, hours with a holiday, both dialects, small uploads. */
export function fuzzEnv(recordingsDir: string): Record<string, string> {
  return {
    TIMEZONE: 'America/New_York',
    BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
    FRONT_DESK_DEVICE_ID: DEVICE_ID,
    MENU: `1=device:${DEVICE_ID} "Sales"; 2=user:${USER_ID}; 3=number:+15551234567; 9=voicemail; 0=front-desk`,
    RESPONSE_FORMAT: 'auto',
    PIVOT_TOKEN: FUZZ_TOKEN,
    ADMIN_TOKEN: FUZZ_ADMIN_TOKEN,
    PUBLIC_BASE_URL: 'https://pivot.example.com',
    MAX_RECORDING_MB: String(FUZZ_MAX_UPLOAD / 1024 / 1024),
    RECORDINGS_DIR: recordingsDir,
    LOG_LEVEL: 'info',
  };
}

export type Header = readonly [string, string];

export const BASIC = `Basic ${Buffer.from(`pivot:${FUZZ_TOKEN}`).toString('base64')}`;

/** Host, `Connection: close`, and the token the way Kazoo carries it (URL userinfo, as Basic). */
export function baseHeaders(random: Random): Header[] {
  const headers: Header[] = [['Host', random.pick(['pivot.example.com', '127.0.0.1', 'pivot.example.com:443'])], ['Connection', 'close']];
  if (random.chance(0.9)) headers.push(['Authorization', BASIC]);
  else headers.push(['X-Pivot-Token', FUZZ_TOKEN]);
  if (random.chance(0.3)) headers.push(['User-Agent', random.pick(['kazoo', 'freeswitch-http-cache/1.0', 'curl/8.5.0', ''])]);
  return headers;
}

/** What a request carries instead of the token: nothing, a wrong one, or something that is no credential. */
export function withoutToken(random: Random, headers: readonly Header[]): Header[] {
  const kept = headers.filter(([name]) => name !== 'Authorization' && name !== 'X-Pivot-Token');
  const roll = random.below(6);
  if (roll === 1) kept.push(['Authorization', `Basic ${Buffer.from('pivot:wrong-token').toString('base64')}`]);
  if (roll === 2) kept.push(['Authorization', random.pick(['Basic !!!', 'Basic ', 'Bearer x', `Basic ${Buffer.from(FUZZ_TOKEN).toString('base64')}`, 'Digest a=b'])]);
  if (roll === 3) kept.push(['X-Pivot-Token', `${FUZZ_TOKEN}x`]);
  if (roll === 4) kept.push(['Authorization', `Bearer ${FUZZ_ADMIN_TOKEN}`]);
  return kept;
}

/** The X-Simulate-At a test tool sends (with the admin token), so both open and closed answers are tried. */
export function simulatedTime(random: Random): Header[] {
  const at = random.pick(['2026-11-30T10:00', '2026-12-25T10:00', '2026-11-29T03:00:00Z', 'yesterday', '9999-99-99T99:99', '']);
  const token = random.pick([FUZZ_ADMIN_TOKEN, FUZZ_ADMIN_TOKEN, 'wrong']);
  return [['X-Simulate-At', at], ['X-Admin-Token', token]];
}

/** A body's framing: mostly honest, sometimes chunked in odd pieces. */
export function honestFraming(random: Random, body: Uint8Array): Framing {
  if (body.byteLength === 0 || random.chance(0.7)) return { kind: 'length' };
  return { kind: 'chunked', sizes: chunkSizes(random, body.byteLength) };
}

/** Piece sizes summing to `total`: 1-byte pieces, random ones, or one whole. */
export function chunkSizes(random: Random, total: number): number[] {
  const style = random.below(3);
  const sizes: number[] = [];
  for (let left = total; left > 0; ) {
    const size = style === 0 && total <= 4096 ? 1 : style === 1 ? Math.min(left, random.between(1, 9000)) : left;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

export const form = (text: string): Uint8Array => utf8(text);
export { NO_BODY, utf8 };
