import type { Hono, MiddlewareHandler } from 'hono';
import type { Config } from '../../shared/config/types.js';
import { PivotEdgeError } from '../../shared/errors.js';
import { loadConfigWithoutHours } from '../../shared/config/without-hours.js';
import { createEndpointApp } from '../../shared/http/app.js';
import { requireAdminToken, requirePivotToken } from '../../shared/http/auth.js';
import type { AppContext, AppEnv, Platform } from '../../shared/http/types.js';
import type { RecordingStore } from '../../shared/storage/types.js';
import { recordFollowUp } from './follow-up.js';
import { serveInbox } from './inbox.js';
import { deleteRecording, listRecordings, serveRecording } from './manage.js';
import { overrideApi, type OverrideApiOptions } from './override-api.js';
import { isSignedRequest, issueLink, markHeard, requireValidLink } from './playback.js';
import { securityHeaders } from './security-headers.js';
import { receiveUpload, type UploadOptions } from './upload.js';
import { nameFromPathSegment } from './upload-name.js';

export interface RecordingsAppOptions extends Partial<OverrideApiOptions>, UploadOptions {
  /** This platform's store for a request's env (R2 binding, S3 bucket, directory); cached per config. */
  readonly store: (env: Readonly<Record<string, unknown>>, config: Config) => RecordingStore;
}

/**
 * The recordings function, with routes relative to where it is mounted: uploads (PUT/POST),
 * the `<Record action>` follow-up, the management API (Bearer ADMIN_TOKEN), playback by signed
 * link, the owner's hours override (`/override`, Bearer ADMIN_TOKEN) and the inbox page.
 */
export function createRecordingsApp(platform: Platform, options: RecordingsAppOptions): Hono<AppEnv> {
  const app = createEndpointApp(platform, loadConfigWithoutHours, 'recordings');
  app.use(securityHeaders);
  const stores = new WeakMap<Config, RecordingStore>();
  const storeOf = (c: AppContext): RecordingStore => {
    const config = c.var.config;
    let store = stores.get(config);
    if (store === undefined) stores.set(config, (store = options.store(platform.env(c), config)));
    return store;
  };
  const followUp = guarded(requirePivotToken, recordFollowUp(storeOf));
  const list = guarded(requireAdminToken, (c) => listRecordings(c, storeOf(c)));
  const uploadByPath = guarded(requirePivotToken, (c) => receiveUpload(c, storeOf(c), nameFromPathSegment(lastSegment(c)), options));
  const uploadByQuery = guarded(requirePivotToken, (c) => receiveUpload(c, storeOf(c), undefined, options));

  const serve = guarded(requireAdminToken, (c) => serveRecording(c, storeOf(c), c.req.param('id') ?? ''));

  app.get('/inbox', serveInbox);
  // Before the `/:name` upload and `/:id` routes, which would otherwise take `/override`.
  app.route('/override', overrideApi(platform, { settings: options.settings, resolveEnd: options.resolveEnd }));
  // The root takes both Kazoo (the <Record action> request, uploads named in the query) and the
  // owner (the list): the parameters and the body type tell them apart.
  app.get('/', (c, next) => (isFollowUpQuery(c) ? followUp : list)(c, next));
  app.post('/', (c, next) => (isFormBody(c) ? followUp : uploadByQuery)(c, next));
  app.put('/', uploadByQuery);
  app.on(['PUT', 'POST'], '/:name', uploadByPath);
  // The <audio> element plays from a signed link (no token in it, see playback.ts); all else needs the token.
  app.get('/:id', async (c, next) => {
    if (!isSignedRequest(c)) return serve(c, next);
    const id = c.req.param('id') ?? '';
    await requireValidLink(c, id);
    return serveRecording(c, storeOf(c), id);
  });
  app.get('/:id/link', guarded(requireAdminToken, (c) => issueLink(c, storeOf(c), c.req.param('id') ?? '')));
  app.patch('/:id', guarded(requireAdminToken, (c) => markHeard(c, storeOf(c), c.req.param('id') ?? '')));
  app.delete('/:id', guarded(requireAdminToken, (c) => deleteRecording(c, storeOf(c), c.req.param('id') ?? '')));
  // Any other method on a path that exists says which ones it takes (HEAD goes with GET).
  app.all('/', notAllowed('GET, HEAD, POST, PUT'));
  app.all('/:name', notAllowed('GET, HEAD, PUT, POST, PATCH, DELETE'));
  return app;
}

function notAllowed(allow: string): () => never {
  return () => {
    throw new PivotEdgeError('method_not_allowed', `This path takes ${allow}.`, 405, { allow });
  };
}

type Handle = (c: AppContext, next: () => Promise<void>) => Response | Promise<Response | void>;

/** Runs `handler` behind an auth middleware (which throws PivotEdgeError 401/403 when refused). */
function guarded(auth: MiddlewareHandler<AppEnv>, handler: Handle): (c: AppContext, next: () => Promise<void>) => Promise<Response> {
  return async (c, next) => {
    let response: Response | void = undefined;
    await auth(c, async () => {
      response = await handler(c, next);
    });
    return response ?? c.notFound();
  };
}

/** The last path segment exactly as sent, still percent-encoded (the router would decode it). */
function lastSegment(c: AppContext): string {
  return new URL(c.req.url).pathname.split('/').pop() ?? '';
}

const FOLLOW_UP_KEYS = ['RecordingUrl', 'Recording-Url', 'RecordingDuration', 'Recording-Duration', 'CallSid', 'Call-ID'];

function isFollowUpQuery(c: AppContext): boolean {
  const query = new URL(c.req.url).searchParams;
  return FOLLOW_UP_KEYS.some((key) => query.has(key));
}

function isFormBody(c: AppContext): boolean {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('application/json');
}
