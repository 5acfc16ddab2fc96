import { PivotEdgeError } from '../../shared/errors.js';
import type { AppContext } from '../../shared/http/index.js';
import { notifyRecording } from '../../shared/notify/index.js';
import { tooLarge } from '../../shared/storage/limit.js';
import type { NewRecording, RecordingStore } from '../../shared/storage/types.js';
import { recordingLinks, recordingsBase } from './links.js';
import { boundaryOf, firstFilePart } from './multipart.js';
import { audioTypeOf, parseName, type UploadName } from './upload-name.js';

const FIELD_MAX = 200;

/**
 * Stores one uploaded recording (raw PUT/POST body, or the file part of multipart/form-data)
 * and schedules the owner's notice after the response. `urlName` comes from the path or query.
 */
export async function receiveUpload(c: AppContext, store: RecordingStore, urlName: UploadName | undefined): Promise<Response> {
  const config = c.var.config;
  const contentType = mediaType(c.req.header('content-type'));
  const declared = declaredLength(c);
  if (declared !== undefined && declared > config.maxRecordingBytes) throw tooLarge(config.maxRecordingBytes);
  if (declared === 0 || c.req.raw.body === null) throw new PivotEdgeError('recording_empty', 'The upload has no body.', 400);
  if (contentType !== 'multipart/form-data' && !isAudio(contentType)) throw unsupported(contentType);
  if (contentType !== 'multipart/form-data' && urlName === undefined) throw missingName();

  let body: ReadableStream<Uint8Array> = c.req.raw.body;
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

  const recording = describe(name, partType, (key) => c.req.query(key) ?? fields[key]);
  const meta = await store.save(recording, body, {
    maxBytes: config.maxRecordingBytes,
    ...(contentType === 'multipart/form-data' || declared === undefined ? {} : { length: declared }),
  });
  c.var.log.upload = { id: meta.id, bytes: meta.bytes, callId: meta.callId };
  if (config.notify !== undefined) {
    const links = recordingLinks(recordingsBase(c, config), meta.id);
    c.var.platform.waitUntil(c, notifyRecording(config.notify, meta, links));
  }
  return c.json({ id: meta.id, callId: meta.callId, bytes: meta.bytes, receivedAt: meta.receivedAt }, 201);
}

/** The metadata kept from the name and from record_call's query fields (pivot-protocol.md §5.2). */
function describe(name: UploadName, contentType: string, field: (key: string) => string | undefined): NewRecording {
  const text = (key: string): Record<string, string> => {
    const value = field(key)?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, FIELD_MAX);
    return value === undefined || value === '' ? {} : { [key]: value };
  };
  const durationMs = Number(field('duration_ms'));
  const picked = { ...text('caller_id_number'), ...text('caller_id_name'), ...text('from'), ...text('to') };
  return {
    callId: name.callId,
    name: name.fileName,
    contentType: contentType === '' || contentType === 'application/octet-stream' ? audioTypeOf(name.ext) : contentType,
    ...(picked.caller_id_number === undefined ? {} : { callerIdNumber: picked.caller_id_number }),
    ...(picked.caller_id_name === undefined ? {} : { callerIdName: picked.caller_id_name }),
    ...(picked.from === undefined ? {} : { from: picked.from }),
    ...(picked.to === undefined ? {} : { to: picked.to }),
    ...(Number.isFinite(durationMs) && durationMs > 0 ? { durationSeconds: Math.round(durationMs / 1000) } : {}),
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
