import { PivotEdgeError } from '../../shared/errors.js';
import type { AppContext } from '../../shared/http/types.js';
import { reasonOf, receivedLocal } from '../../shared/notify/index.js';
import type { RecordingMeta, RecordingStore } from '../../shared/storage/types.js';
import { recordingLinks, recordingsBase } from './links.js';
import { parseRange } from './range.js';

const PAGE_DEFAULT = 50;
const PAGE_MAX = 100;

/** `GET /`: newest first, `?limit=` (1-100) and `?cursor=` from the previous page. */
export async function listRecordings(c: AppContext, store: RecordingStore): Promise<Response> {
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) {
    throw new PivotEdgeError('bad_limit', `limit must be an integer from 1 to ${PAGE_MAX}.`, 400);
  }
  const cursor = c.req.query('cursor');
  const page = await store.list({ limit, ...(cursor === undefined || cursor === '' ? {} : { cursor }) });
  const base = recordingsBase(c, c.var.config);
  const items = page.items.map((meta) => ({ ...view(meta, c.var.config.timeZone), url: recordingLinks(base, meta.id).url }));
  return c.json({ items, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) }, 200, { 'cache-control': 'no-store' });
}

/** `GET|HEAD /:id`: the audio, with single byte ranges (206/416) so players can seek. */
export async function serveRecording(c: AppContext, store: RecordingStore, id: string): Promise<Response> {
  const meta = await found(store, id);
  const range = parseRange(c.req.header('range'), meta.bytes);
  if (range === 'unsatisfiable') {
    throw new PivotEdgeError('range_not_satisfiable', `The recording has ${meta.bytes} bytes.`, 416, { size: meta.bytes });
  }
  const headers: Record<string, string> = {
    'content-type': meta.contentType,
    'accept-ranges': 'bytes',
    // Content under an id never changes, so the id is a strong validator.
    etag: `"${meta.id}"`,
    'cache-control': 'private, no-cache',
    'content-disposition': `inline; filename="${meta.name.replace(/[^A-Za-z0-9@._-]/g, '_')}"`,
    'content-length': String(range?.length ?? meta.bytes),
  };
  if (range !== undefined) headers['content-range'] = `bytes ${range.offset}-${range.offset + range.length - 1}/${meta.bytes}`;
  const status = range === undefined ? 200 : 206;
  // Hono answers HEAD through the GET route; skip opening the object for it.
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });
  const body = await store.open(meta.id, range);
  if (body === null) throw notFound(id);
  return new Response(body, { status, headers });
}

/** `DELETE /:id`: 204, or 404 when there is no such recording. */
export async function deleteRecording(c: AppContext, store: RecordingStore, id: string): Promise<Response> {
  if (!(await store.delete(id))) throw notFound(id);
  return c.body(null, 204);
}

async function found(store: RecordingStore, id: string): Promise<RecordingMeta> {
  const meta = await store.get(id);
  if (meta === null) throw notFound(id);
  return meta;
}

/** The one 404 of the recordings API. */
export function notFound(id: string): PivotEdgeError {
  return new PivotEdgeError('not_found', 'No such recording.', 404, { id });
}

/** The listed fields, in a stable order; times in TIMEZONE when it is set. */
function view(meta: RecordingMeta, timeZone: string | undefined): Record<string, unknown> {
  return {
    id: meta.id,
    callId: meta.callId,
    callerIdNumber: meta.callerIdNumber ?? null,
    callerIdName: meta.callerIdName ?? null,
    from: meta.from ?? null,
    to: meta.to ?? null,
    dialled: meta.dialled ?? null,
    reason: reasonOf(meta),
    receivedAt: meta.receivedAt,
    receivedLocal: receivedLocal(meta, timeZone),
    timeZone: timeZone ?? null,
    bytes: meta.bytes,
    contentType: meta.contentType,
    durationSeconds: meta.durationSeconds ?? null,
    name: meta.name,
    heard: meta.heard === true,
  };
}
