import { PivotEdgeError } from '../../shared/errors.js';
import type { AppContext } from '../../shared/http/types.js';
import type { RecordingStore } from '../../shared/storage/types.js';
import { recordingLinks, recordingsBase } from './links.js';
import { notFound } from './manage.js';
import { signLink, verifyLink } from './signed-link.js';

/**
 * `GET /:id/link` (admin): a playback link an `<audio src>` can use, valid for minutes.
 * `src` is relative to the recordings base (the page's own origin); `url` is absolute.
 */
export async function issueLink(c: AppContext, store: RecordingStore, id: string): Promise<Response> {
  if ((await store.get(id)) === null) throw notFound(id);
  const { query, expiresAt } = await signLink(adminToken(c), id, new Date());
  const src = `${id}?${query}`;
  const url = `${recordingLinks(recordingsBase(c, c.var.config), id).url}?${query}`;
  return c.json({ src, url, expiresAt: expiresAt.toISOString() }, 200, { 'cache-control': 'no-store' });
}

/** True when the request carries a playback link signature (then it needs no admin token). */
export function isSignedRequest(c: AppContext): boolean {
  return c.req.query('sig') !== undefined;
}

/** Refuses (403) a signed request whose link is not one of ours for `id`, or has expired. */
export async function requireValidLink(c: AppContext, id: string): Promise<void> {
  if (!(await verifyLink(adminToken(c), id, c.req.query('expires'), c.req.query('sig'), new Date()))) {
    throw new PivotEdgeError('bad_link', 'This playback link is not valid or has expired: reload the inbox.', 403);
  }
}

/** `PATCH /:id` with `{"heard": true|false}` (admin): marks a message heard or new again. */
export async function markHeard(c: AppContext, store: RecordingStore, id: string): Promise<Response> {
  const heard = await heardField(c);
  const meta = await store.setHeard(id, heard);
  if (meta === null) throw notFound(id);
  return c.json({ id: meta.id, heard: meta.heard === true }, 200, { 'cache-control': 'no-store' });
}

async function heardField(c: AppContext): Promise<boolean> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badPatch('the body is not JSON');
  }
  const heard = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).heard : undefined;
  if (typeof heard !== 'boolean') throw badPatch('"heard" must be true or false');
  return heard;
}

// Only reached behind requireAdminToken or with a signature, both of which need ADMIN_TOKEN.
function adminToken(c: AppContext): string {
  const token = c.var.config.adminToken;
  if (token === undefined) throw new PivotEdgeError('management_disabled', 'management is disabled: set ADMIN_TOKEN to enable it', 403);
  return token;
}

function badPatch(why: string): PivotEdgeError {
  return new PivotEdgeError('bad_request', `Expected a JSON body like {"heard": true}: ${why}.`, 400);
}
