import { exchange, shownUrl, type HttpOptions } from '../call/wire/http.js';
import type { CallOptions, CallTrace } from '../call/types.js';
import { fail, pass, skip, type CheckResult } from './checks.js';

/** A listed recording, as `GET /recordings` shows it. */
export interface ListedRecording {
  readonly id: string;
  readonly receivedAt?: string;
}

/**
 * Leave a real message the way Kazoo would upload it for the flow the deployment answers, find it in
 * the listing, delete it, and see it gone. Needs the admin token (to list and to clean up).
 */
export async function roundTrip(context: {
  readonly call: (extra: Partial<CallOptions>) => Promise<CallTrace>;
  readonly audio: { readonly bytes: Uint8Array<ArrayBuffer>; readonly name: string };
  readonly http: HttpOptions;
  readonly adminToken?: string;
  readonly at?: string;
}): Promise<{ readonly check: CheckResult; readonly listed?: readonly ListedRecording[] }> {
  const name = 'recording round trip';
  const { adminToken } = context;
  if (adminToken === undefined) return { check: skip(name, 'needs --admin-token to find the test message and delete it again') };
  const trace = await context.call({ record: context.audio, answers: ['no'], ...(context.at === undefined ? {} : { at: context.at, adminToken }) });
  const upload = trace.steps.find((step) => step.kind === 'upload');
  if (upload === undefined) {
    const box = trace.steps.some((step) => step.kind === 'voicemail-box');
    return { check: box ? skip(name, 'voicemail goes to a Kazoo voicemail box: nothing is uploaded here') : fail(name, `no upload happened: ${trace.problems.join('; ') || 'the call never reached a recording'}`, 'run npm run call -- <url> --record <file> to see the call') };
  }
  if (upload.status === undefined || upload.status >= 300 || upload.id === undefined) {
    return { check: fail(name, `the upload was refused: ${upload.error ?? upload.status}`, 'check PIVOT_TOKEN, MAX_RECORDING_MB and the storage binding or bucket') };
  }
  const base = recordingsBase(upload.url);
  const bearer = { authorization: `Bearer ${adminToken}` };
  const list = async () => {
    const listing = await exchange(`${base}?limit=100`, { method: 'GET', headers: bearer }, context.http);
    if (listing.status !== 200) return undefined;
    return (JSON.parse(new TextDecoder().decode(listing.bytes)) as { items: ListedRecording[] }).items;
  };
  const before = await list();
  if (before === undefined) return { check: fail(name, `uploaded (id ${upload.id}), but the listing at ${shownUrl(base)} did not answer 200 to the admin token`, 'check ADMIN_TOKEN and RECORDINGS_URL') };
  if (!before.some((item) => item.id === upload.id)) return { check: fail(name, `uploaded (id ${upload.id}), but it is not in the listing`, 'check that every function uses the same storage (bucket, binding, RECORDINGS_DIR)'), listed: before };
  const deleted = await exchange(`${base}/${encodeURIComponent(upload.id)}`, { method: 'DELETE', headers: bearer }, context.http);
  const after = await list();
  if (deleted.status !== 204 || after?.some((item) => item.id === upload.id) !== false) {
    return { check: fail(name, `uploaded and listed, but deleting it answered ${deleted.status ?? deleted.error}`, 'delete it in the inbox, and check the storage permissions'), listed: before };
  }
  return { check: pass(name, `a ${context.audio.bytes.byteLength}-byte message uploaded as Kazoo would (${upload.method}), listed, deleted`), listed: after ?? [] };
}

/**
 * The recordings endpoint from an upload URL, without credentials (management takes the admin
 * token): `https://h/recordings/call_recording_x.mp3?from=…` or `https://h/recordings?…&recording=…`
 * → `https://h/recordings`.
 */
function recordingsBase(uploadUrl: string): string {
  const parsed = new URL(uploadUrl);
  const path = /\.[a-z0-9]{2,5}$/i.test(parsed.pathname) ? parsed.pathname.replace(/\/[^/]*$/, '') : parsed.pathname;
  return `${parsed.origin}${path.replace(/\/$/, '')}`;
}
