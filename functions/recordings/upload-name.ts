import { decodePercentEscapes } from '../../shared/adapter/percent-decoding.js';
import { ProblemLog } from '../../shared/adapter/problem-log.js';
import { PivotEdgeError } from '../../shared/errors.js';

/** What the upload URL says about a recording. */
export interface UploadName {
  readonly callId: string;
  /** `<CallId>.<ext>` (record_caller) or `call_recording_<CallId>.<ext>` (record_call, `<Record>`). */
  readonly fileName: string;
  readonly ext: string;
}

// The audio extensions taken, and the type an upload sent as octet-stream (or untyped) is stored as.
const AUDIO_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  wav: 'audio/x-wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  webm: 'audio/webm',
  flac: 'audio/flac',
};
const PREFIX = 'call_recording_';
// SIP sets no length; this only keeps a runaway URL out of the metadata.
const MAX_CALL_ID = 1024;

/**
 * Percent-decodes URL text the way Kazoo and FreeSWITCH encode it: `%XX` are UTF-8 bytes, `+`
 * is a plus (Kazoo encodes spaces as `%20`), and a `%` that starts no escape is kept as is.
 */
export function decodeUrlText(raw: string): string {
  return decodePercentEscapes(raw, false, { source: 'url', offset: 0 }, new ProblemLog());
}

/** Parses the last path segment exactly as it appears in the URL (still percent-encoded). */
export function nameFromPathSegment(rawSegment: string): UploadName {
  return parseName(decodeUrlText(rawSegment));
}

/**
 * Checks a decoded file name. The Call-ID in it is metadata only (storage keys are generated),
 * so any character SIP allows is fine: `[::1]`, `!`, `%`, quotes, even `/` or `..`. Refused:
 * no audio extension, no Call-ID, control characters, or a Call-ID past 1024 characters.
 */
export function parseName(name: string): UploadName {
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
  if (!Object.hasOwn(AUDIO_TYPES, ext)) throw badName(`expected an audio extension (${Object.keys(AUDIO_TYPES).join(', ')})`);
  const stem = name.slice(0, dot);
  const callId = stem.startsWith(PREFIX) && stem.length > PREFIX.length ? stem.slice(PREFIX.length) : stem;
  if (callId === '') throw badName('no Call-ID before the extension');
  if (/\p{Cc}/u.test(callId)) throw badName('control character in the Call-ID');
  if ([...callId].length > MAX_CALL_ID) throw badName(`a Call-ID longer than ${MAX_CALL_ID} characters`);
  return { callId, fileName: name, ext };
}

/** True for a value that names a recording file (`call_recording_…`). */
export function isRecordingFileName(value: string): boolean {
  return value.startsWith(PREFIX);
}

function badName(why: string): PivotEdgeError {
  return new PivotEdgeError('bad_recording_name', `The upload file name is not acceptable: ${why}.`, 400, { why });
}

/** The audio type an extension implies, for uploads sent as octet-stream or untyped. */
export function audioTypeOf(ext: string): string {
  return AUDIO_TYPES[ext] ?? 'application/octet-stream';
}
