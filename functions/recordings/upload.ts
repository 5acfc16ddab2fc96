import { PivotEdgeError, isPivotEdgeError } from '../../shared/errors.js';
import type { AppContext } from '../../shared/http/types.js';
import { notifyRecording, type SendOptions } from '../../shared/notify/index.js';
import { tooLarge } from '../../shared/storage/limit.js';
import type { NewRecording, RecordingStore } from '../../shared/storage/types.js';
import { callFacts, secondsFromMs } from './call-facts.js';
import { configuredRecordingsBase, recordingLinks } from './links.js';
import { boundaryOf, firstFilePart } from './multipart.js';
import { audioTypeOf, parseName, type UploadName } from './upload-name.js';
import { readUploadQuery, type UploadQuery } from './upload-query.js';

/**
 * What a platform bounds about uploads, where memory and disk are finite (the local server, see
 * functions/local/upload-limits.ts): how many at once, how slowly a body may arrive.
 */
export interface UploadAdmission {
  /**
   * A place for one upload, with its body paced (a body that stalls errors with 408), or a
   * PivotEdgeError 503 with `retryAfter` when every place is taken. `release` frees the place.
   */
  admit(body: ReadableStream<Uint8Array>): { readonly body: ReadableStream<Uint8Array>; release(): void };
}

/** What a platform (or a test) sets about uploads. */
export interface UploadOptions {
  /** Where memory and disk are finite (the local server): how many uploads at once, how slow a body may be. */
  readonly uploads?: UploadAdmission | undefined;
  /** How the owner's notice is sent (attempts, delays, timeout; README "Notifications" has the defaults). */
  readonly notify?: SendOptions | undefined;
}

/**
 * Stores one uploaded recording (raw PUT/POST body, or the file part of multipart/form-data)
 * and schedules the owner's notice after the response. `pathName` is the file name in the path;
 * without one, the name is looked for in the query (record_call with a query), then in the
 * multipart file part.
 */
export async function receiveUpload(c: AppContext, store: RecordingStore, pathName: UploadName | undefined, options: UploadOptions = {}): Promise<Response> {
  const admitted = checkedUpload(c, pathName);
  // Named on the line from here on, so a failed upload says whose message it was.
  c.var.log.callId = admitted.query.kazoo('call_id') ?? admitted.urlName?.callId;
  const { body, release } = options.uploads?.admit(admitted.body) ?? { body: admitted.body, release: () => undefined };
  try {
    return await storeUpload(c, store, { ...admitted, body }, options.notify);
  } catch (error) {
    // The sender went away mid-body: not the store's fault, and nobody is left to retry on a 503.
    if (c.req.raw.signal.aborted && !(isPivotEdgeError(error) && error.status < 500)) {
      throw new PivotEdgeError('upload_incomplete', 'The connection closed before the upload was complete; nothing was stored.', 400);
    }
    throw error;
  } finally {
    release();
  }
}

interface CheckedUpload {
  readonly body: ReadableStream<Uint8Array>;
  readonly contentType: string;
  readonly declared: number | undefined;
  readonly urlName: UploadName | undefined;
  readonly query: UploadQuery;
}

/** What the request line and headers alone decide, before any of the body is read. */
function checkedUpload(c: AppContext, pathName: UploadName | undefined): CheckedUpload {
  const config = c.var.config;
  const query = readUploadQuery(new URL(c.req.url).search.slice(1));
  const urlName = pathName ?? (query.fileName === undefined ? undefined : parseName(query.fileName));
  const contentType = mediaType(c.req.header('content-type'));
  const declared = declaredLength(c);
  const body = c.req.raw.body;
  if (declared !== undefined && declared > config.maxRecordingBytes) throw tooLarge(config.maxRecordingBytes);
  if (declared === 0 || body === null) throw new PivotEdgeError('recording_empty', 'The upload has no body.', 400);
  if (contentType !== 'multipart/form-data' && !isAudio(contentType)) throw unsupported(contentType);
  if (contentType !== 'multipart/form-data' && urlName === undefined) throw missingName();
  return { body, contentType, declared, urlName, query };
}

async function storeUpload(c: AppContext, store: RecordingStore, { body, contentType, declared, urlName, query }: CheckedUpload, sending?: SendOptions): Promise<Response> {
  const config = c.var.config;
  let partType = contentType;
  let fields: Readonly<Record<string, string>> = {};
  let name = urlName;
  if (contentType === 'multipart/form-data') {
    const boundary = boundaryOf(c.req.header('content-type') ?? '');
    if (boundary === undefined) throw new PivotEdgeError('bad_multipart', 'The multipart upload has no boundary.', 400);
    const part = await firstFilePart(body, boundary);
    partType = mediaType(part.contentType);
    if (!isAudio(partType)) {
      await part.body.cancel();
      throw unsupported(partType);
    }
    ({ body, fields } = part);
    if (name === undefined && part.fileName !== undefined) name = parseName(part.fileName);
  }
  if (name === undefined) throw missingName();

  const recording = describe(name, partType, query, fields);
  const meta = await store.save(recording, body, {
    maxBytes: config.maxRecordingBytes,
    ...(contentType === 'multipart/form-data' || declared === undefined ? {} : { length: declared }),
  });
  c.var.log.upload = { id: meta.id, bytes: meta.bytes, callId: meta.callId };
  if (config.notify !== undefined) {
    const base = configuredRecordingsBase(config);
    const links = base === undefined ? undefined : recordingLinks(base, meta.id);
    c.var.platform.waitUntil(c, notifyRecording(config.notify, meta, links, { ...sending, timeZone: config.timeZone }));
  }
  return c.json({ id: meta.id, callId: meta.callId, bytes: meta.bytes, receivedAt: meta.receivedAt }, 201);
}

/** The metadata kept from the name, record_call's query fields and our own query keys (pivot-protocol.md §5.2). */
function describe(name: UploadName, contentType: string, query: UploadQuery, fields: Readonly<Record<string, string>>): NewRecording {
  const kazoo = (key: string): string | undefined => query.kazoo(key) ?? fields[key];
  const facts = callFacts(
    {
      callerIdName: kazoo('caller_id_name'),
      callerIdNumber: kazoo('caller_id_number'),
      from: kazoo('from'),
      to: kazoo('to'),
      durationSeconds: secondsFromMs(kazoo('duration_ms')),
    },
    (key) => query.ours(key) ?? fields[key],
  );
  // record_call sends the Call-ID on its own too (`call_id`): it wins over the one read from the
  // name, which on master ends `..mp3` (media_recording writes "." before filename:extension/1's
  // ".mp3"), so that name is given its single dot back.
  const field = kazoo('call_id');
  const callId = field === undefined || /\p{Cc}/u.test(field) || [...field].length > 1024 ? name.callId : field;
  const ext = name.fileName.slice(name.fileName.lastIndexOf('.') + 1);
  return {
    callId,
    name: name.fileName === `call_recording_${callId}..${ext}` ? `call_recording_${callId}.${ext}` : name.fileName,
    contentType: contentType === '' || contentType === 'application/octet-stream' ? audioTypeOf(name.ext) : contentType,
    ...facts,
  };
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

// An untyped body is taken as the audio its extension names (curl -T sends no Content-Type).
function isAudio(type: string): boolean {
  return type === '' || type === 'application/octet-stream' || /^audio\/[a-z0-9.+-]+$/.test(type);
}

function declaredLength(c: AppContext): number | undefined {
  const header = c.req.header('content-length');
  if (header === undefined || c.req.header('transfer-encoding') !== undefined) return undefined;
  if (!/^\d{1,15}$/.test(header.trim())) throw new PivotEdgeError('bad_length', 'Content-Length is not a number.', 400);
  return Number(header);
}

function unsupported(type: string): PivotEdgeError {
  return new PivotEdgeError('unsupported_media_type', `Only audio/* or application/octet-stream uploads are taken, not ${JSON.stringify(type)}.`, 415, { contentType: type });
}

function missingName(): PivotEdgeError {
  return new PivotEdgeError('bad_recording_name', 'The upload URL names no <CallId>.<ext> or call_recording_<CallId>.<ext> file.', 400);
}
