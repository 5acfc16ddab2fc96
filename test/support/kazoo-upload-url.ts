// The upload URL Kazoo builds for `record_call` with a `url` (pivot-protocol.md §5.2), byte for
// byte, so tests send exactly what arrives in the field. Read from Kazoo's source:
// - 4.3.142 core/kazoo_call/src/kzc_recording.erl handler_fields_for_protocol/3, check_url/1;
//   master applications/media_mgr/src/media_recording.erl (same, ending at account_id).
// - core/kazoo_attachments/src/kz_att_http.erl put_attachment/6: url (trailing "/" stripped) +
//   "/" when it has no query, else nothing + the formatted fields.
// - kz_att_util:format_url_field/4: each {field, F} value goes through kz_util:uri_encode (4.3)
//   or kz_http_util:urlencode (master), both OTP http_uri:encode: only the characters below are
//   escaped (upper-case hex); everything else, `!*()~$` and the backquote included, stays as is.
//   Constants (the `.mp3`, account id, doc id) are not encoded. Missing fields leave `key=` empty.
// - master takes the extension from filename:extension/1, which keeps its dot, and then writes
//   "." before it: the file name is `call_recording_<CallId>..mp3` there.
const RESERVED = new Set([...';:@&=+,/?#[]<>"{}|\\\'^% ']);

/** OTP `http_uri:encode/1` on ASCII text. */
export function httpUriEncode(text: string): string {
  return [...text].map((char) => (RESERVED.has(char) ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : char)).join('');
}

export interface RecordCallFields {
  readonly callId: string;
  readonly ext?: 'mp3' | 'wav';
  readonly from?: string;
  readonly to?: string;
  readonly callerIdName?: string;
  readonly callerIdNumber?: string;
  readonly cdrId?: string;
  readonly interactionId?: string;
  readonly accountId?: string;
  /** 4.3 only. */
  readonly ownerId?: string;
  readonly start?: number;
  readonly durationMs?: number;
  readonly recordingId?: string;
}

/** The URL Kazoo uploads a `record_call` recording to, for the `url` we handed out. */
export function recordCallUploadUrl(handedOut: string, version: '4.3' | 'master', fields: RecordCallFields): string {
  const base = handedOut.replace(/\/+$/, '');
  const query = base.includes('?') ? base.slice(base.indexOf('?') + 1) : '';
  const last = query.split('&').at(-1) ?? '';
  // check_url/1 and check_url_param/1: where the file name goes.
  const [first, separator] = query === '' ? ['/', '?'] : [last.includes('=') ? (last.endsWith('=') ? '' : '&recording=') : '=', '&'];
  const field = (value: string | number | undefined): string => (value === undefined ? '' : httpUriEncode(String(value)));
  let url =
    `${base}${first}call_recording_${field(fields.callId)}${version === 'master' ? '..' : '.'}${fields.ext ?? 'mp3'}` +
    `${separator}from=${field(fields.from)}&to=${field(fields.to)}&caller_id_name=${field(fields.callerIdName)}` +
    `&caller_id_number=${field(fields.callerIdNumber)}&call_id=${field(fields.callId)}&cdr_id=${field(fields.cdrId)}` +
    `&interaction_id=${field(fields.interactionId)}`;
  const account = fields.accountId ?? '4b8c0d0e0f101112131415161718191a';
  if (version === 'master') return `${url}&account_id=${account}`;
  url += `&owner_id=${field(fields.ownerId)}&account_id=${account}&start=${field(fields.start)}&duration_ms=${field(fields.durationMs)}`;
  return `${url}&recording_id=${fields.recordingId ?? '202612-0123456789abcdef0123456789abcdef'}`;
}
