import type { CallVars } from './params.js';
import type { KazooVersion } from '../types.js';

/** The content type Kazoo (FreeSWITCH's http_put, kz_att_http) sends for a recording's extension. */
export function audioContentType(ext: string): string {
  if (ext === 'mp3') return 'audio/mpeg';
  if (ext === 'wav') return 'audio/x-wav';
  return 'application/octet-stream';
}

/**
 * `record_caller` (4.3, through `store`): `<url without trailing />/<CallId>.<ext>`, no query
 * (pivot-protocol.md §5.1). TwiML `<Record>` goes the same way with `call_recording_<CallId>.mp3` (§5.3).
 */
export function storeUrl(url: string, fileName: string): string {
  return `${url.replace(/\/+$/, '')}/${fileName}`;
}

const gregorianSeconds = (date: Date): number => Math.floor(date.getTime() / 1000) + 62_167_219_200;

/**
 * `record_call` with a `url` (pivot-protocol.md §5.2, kzc_recording:handler_fields @4.3.142 and
 * media_recording @master): the file name goes after a `/`, or into the query when the URL has
 * one (appended to a last parameter ending in `=`, `=name` for one without `=`, else
 * `&recording=name`), then Kazoo's fields, URI-encoded; 4.3 adds owner, start, duration and the
 * recording id after `account_id`, master stops there.
 */
export function recordCallUrl(url: string, call: CallVars, ext: string, kazoo: KazooVersion, durationMs: number | undefined, now: Date): string {
  const name = `call_recording_${call.callId}.${ext}`;
  const trimmed = url.replace(/[/?]+$/, '');
  const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : '';
  let head = `${trimmed}/${name}?`;
  if (query !== '') {
    const last = query.split('&').pop() ?? '';
    const glue = !last.includes('=') ? '=' : last.endsWith('=') ? '' : '&recording=';
    head = `${trimmed}${glue}${name}&`;
  }
  const field = (value: string | undefined) => encodeURIComponent(value ?? '');
  const fields: [string, string | undefined][] = [
    ['from', `${call.callerNumber}@${call.realm}`],
    ['to', `${call.dialled}@${call.realm}`],
    ['caller_id_name', call.callerName],
    ['caller_id_number', call.callerNumber],
    ['call_id', call.callId],
    ['cdr_id', `cdr-${call.callId}`],
    ['interaction_id', `interaction-${call.callId}`],
  ];
  if (kazoo === '4.3') {
    const seconds = Math.round((durationMs ?? 0) / 1000);
    fields.push(['owner_id', undefined], ['account_id', call.accountId], ['start', String(gregorianSeconds(now) - seconds)]);
    fields.push(['duration_ms', durationMs === undefined ? undefined : String(durationMs)], ['recording_id', `${now.getUTCFullYear()}${call.callId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`]);
  } else fields.push(['account_id', call.accountId]);
  return head + fields.map(([key, value]) => `${key}=${field(value)}`).join('&');
}

/** Seconds of audio in a WAV (from its header) or a constant-bit-rate MP3 (from its first frame); undefined otherwise. */
export function audioSeconds(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (bytes.byteLength >= 44 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') {
    let at = 12;
    let byteRate: number | undefined;
    while (at + 8 <= bytes.byteLength) {
      const id = ascii(at, 4);
      const size = view.getUint32(at + 4, true);
      if (id === 'fmt ' && at + 16 <= bytes.byteLength) byteRate = view.getUint32(at + 16, true);
      if (id === 'data') return byteRate === undefined || byteRate === 0 ? undefined : Math.min(size, bytes.byteLength - at - 8) / byteRate;
      at += 8 + size + (size % 2);
    }
    return undefined;
  }
  return mp3Seconds(bytes);
}

const MPEG1_L3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_L3_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

function mp3Seconds(bytes: Uint8Array): number | undefined {
  let at = 0;
  // Skip an ID3v2 tag.
  if (bytes.byteLength > 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    at = 10 + (((bytes[6] ?? 0) & 0x7f) << 21) + (((bytes[7] ?? 0) & 0x7f) << 14) + (((bytes[8] ?? 0) & 0x7f) << 7) + ((bytes[9] ?? 0) & 0x7f);
  }
  for (; at + 4 <= bytes.byteLength && at < 64 * 1024; at += 1) {
    if (bytes[at] !== 0xff || ((bytes[at + 1] ?? 0) & 0xe0) !== 0xe0) continue;
    const version = ((bytes[at + 1] ?? 0) >> 3) & 0x03; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    const layer = ((bytes[at + 1] ?? 0) >> 1) & 0x03; // 1 = Layer III
    const index = ((bytes[at + 2] ?? 0) >> 4) & 0x0f;
    if (layer !== 1 || version === 1 || index === 0 || index === 15) continue;
    const kbps = (version === 3 ? MPEG1_L3_KBPS : MPEG2_L3_KBPS)[index];
    if (kbps === undefined || kbps === 0) continue;
    return ((bytes.byteLength - at) * 8) / (kbps * 1000);
  }
  return undefined;
}
