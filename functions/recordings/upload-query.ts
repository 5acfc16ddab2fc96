import { decodePercentEscapes } from '../../shared/adapter/percent-decoding.js';
import { ProblemLog } from '../../shared/adapter/problem-log.js';
import { decodeUrlText, isRecordingFileName } from './upload-name.js';

/** An upload URL's query, read the way Kazoo builds it (pivot-protocol.md §5.2). */
export interface UploadQuery {
  /** A field Kazoo appended (`from`, `caller_id_name`, ...): its last non-empty value, `+` kept as a plus. */
  kazoo(key: string): string | undefined;
  /** A key of ours (`reason`, `detail`, ...): its first value, form-decoded (`+` is a space). */
  ours(key: string): string | undefined;
  /** The recording's file name when the URL carries it in the query, decoded. */
  readonly fileName?: string;
}

const GLUED = '/call_recording_';

/**
 * Reads the raw query (without `?`). record_call attaches the file name to the handed-out URL's
 * last parameter (`recording=` + name, or `=` + name) or adds `&recording=`; TwiML `<Record>`
 * glues `/call_recording_<id>.mp3` onto whatever the action URL ended with, query or not.
 */
export function readUploadQuery(rawQuery: string): UploadQuery {
  const pairs: [string, string][] = [];
  let named: string | undefined;
  let glued: string | undefined;
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const key = decodeUrlText(equals === -1 ? piece : piece.slice(0, equals));
    let value = equals === -1 ? '' : piece.slice(equals + 1);
    const at = value.indexOf(GLUED);
    if (at !== -1) {
      glued ??= value.slice(at + 1);
      value = value.slice(0, at);
    } else if (isRecordingFileName(value) && (key === 'recording' || named === undefined)) {
      named = value;
    }
    pairs.push([key, value]);
  }
  const raw = named ?? glued;
  const values = (key: string): string[] => pairs.filter(([name, value]) => name === key && value !== '').map(([, value]) => value);
  return {
    kazoo: (key) => {
      const found = values(key).at(-1);
      return found === undefined ? undefined : decodeUrlText(found);
    },
    ours: (key) => {
      const found = values(key)[0];
      return found === undefined ? undefined : decodePercentEscapes(found, true, { source: 'query', offset: 0 }, new ProblemLog());
    },
    ...(raw === undefined ? {} : { fileName: decodeUrlText(raw) }),
  };
}
