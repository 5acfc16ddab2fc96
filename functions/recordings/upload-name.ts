import { PivotEdgeError } from '../../shared/errors.js';

/** What the upload URL says about a recording. */
export interface UploadName {
  readonly callId: string;
  /** `<CallId>.<ext>` (record_caller) or `call_recording_<CallId>.<ext>` (record_call, `<Record>`). */
  readonly fileName: string;
  readonly ext: string;
}

const EXTENSIONS = new Set(['mp3', 'wav', 'ogg', 'opus', 'm4a', 'webm', 'flac']);
const NAME = /^(call_recording_)?([A-Za-z0-9@._:+=~-]{1,200})\.([A-Za-z0-9]{2,5})$/;
// Encoded separators, dots and NUL are refused before decoding, so no double-decoding trick
// (`%252e`) can turn into one later: after one decode, any `%` left is refused as well.
const ENCODED_DANGER = /%(2f|5c|00|2e)/i;

/** Parses the last path segment exactly as it appears in the URL (still percent-encoded). */
export function nameFromPathSegment(rawSegment: string): UploadName {
  if (ENCODED_DANGER.test(rawSegment)) throw badName('encoded separator, dot or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawSegment);
  } catch {
    throw badName('invalid percent-encoding');
  }
  return parseName(decoded);
}

/**
 * record_call with a `url` that already has a query: the file name rides in a query value
 * (`recording=`, or appended to the last parameter), see pivot-protocol.md §5.2.
 */
export function nameFromQuery(params: URLSearchParams): UploadName | undefined {
  const candidates = [params.get('recording'), ...params.values()];
  const value = candidates.find((v): v is string => v !== null && v.startsWith('call_recording_'));
  return value === undefined ? undefined : parseName(value);
}

// Kazoo master's media_recording puts "." before an extension that already has its dot
// (filename:extension/1), so its record_call uploads arrive as call_recording_<CallId>..mp3.
const MASTER_DOUBLE_DOT = /^(call_recording_.+)\.(\.[A-Za-z0-9]{2,5})$/;

/** Checks an already-decoded file name (query value, multipart filename). */
export function parseName(raw: string): UploadName {
  const name = raw.replace(MASTER_DOUBLE_DOT, '$1$2');
  if (/[\u0000-\u001f\u007f%/\\]/.test(name)) throw badName('control character, %, / or \\');
  if (name.includes('..') || name.startsWith('.')) throw badName('dot segment');
  const match = NAME.exec(name);
  const ext = match?.[3]?.toLowerCase();
  if (match?.[2] === undefined || ext === undefined || !EXTENSIONS.has(ext)) {
    throw badName('expected <CallId>.<ext> or call_recording_<CallId>.<ext> with an audio extension');
  }
  return { callId: match[2], fileName: name, ext };
}

function badName(why: string): PivotEdgeError {
  return new PivotEdgeError('bad_recording_name', `The upload file name is not acceptable: ${why}.`, 400, { why });
}

/** The audio type an extension implies, for uploads sent as octet-stream or untyped. */
export function audioTypeOf(ext: string): string {
  const types: Readonly<Record<string, string>> = {
    mp3: 'audio/mpeg',
    wav: 'audio/x-wav',
    ogg: 'audio/ogg',
    opus: 'audio/ogg',
    m4a: 'audio/mp4',
    webm: 'audio/webm',
    flac: 'audio/flac',
  };
  return types[ext] ?? 'application/octet-stream';
}
