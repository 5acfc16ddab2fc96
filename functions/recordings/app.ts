import type { Hono, MiddlewareHandler } from 'hono';
import type { Config } from '../../shared/config/types.js';
import { loadConfigWithoutHours } from '../../shared/config/without-hours.js';
import { createEndpointApp, requireAdminToken, requirePivotToken, type AppContext, type AppEnv, type Platform } from '../../shared/http/index.js';
import type { RecordingStore } from '../../shared/storage/types.js';
import { recordFollowUp } from './follow-up.js';
import { INBOX_HTML } from './inbox.js';
import { deleteRecording, listRecordings, serveRecording } from './manage.js';
import { receiveUpload } from './upload.js';
import { nameFromPathSegment } from './upload-name.js';

export interface RecordingsAppOptions {
  /** This platform's store for a request's env (R2 binding, S3 bucket, directory); cached per config. */
  readonly store: (env: Readonly<Record<string, unknown>>, config: Config) => RecordingStore;
}

/**
 * The recordings function, with routes relative to where it is mounted: uploads (PUT/POST),
 * the `<Record action>` follow-up, the management API (Bearer ADMIN_TOKEN) and the inbox page.
 */
export function createRecordingsApp(platform: Platform, options: RecordingsAppOptions): Hono<AppEnv> {
  const app = createEndpointApp(platform, loadConfigWithoutHours);
  const stores = new WeakMap<Config, RecordingStore>();
  const storeOf = (c: AppContext): RecordingStore => {
    const config = c.var.config;
    let store = stores.get(config);
    if (store === undefined) stores.set(config, (store = options.store(platform.env(c), config)));
    return store;
  };
  const followUp = guarded(requirePivotToken, recordFollowUp(storeOf));
  const list = guarded(requireAdminToken, (c) => listRecordings(c, storeOf(c)));
  const uploadByPath = guarded(requirePivotToken, (c) => receiveUpload(c, storeOf(c), nameFromPathSegment(lastSegment(c))));
  const uploadByQuery = guarded(requirePivotToken, (c) => receiveUpload(c, storeOf(c), undefined));

  app.get('/inbox', (c) => c.html(INBOX_HTML, 200, { 'cache-control': 'no-store', 'x-frame-options': 'DENY' }));
  // The root takes both Kazoo (the <Record action> request, uploads named in the query) and the
  // owner (the list): the parameters and the body type tell them apart.
  app.get('/', (c, next) => (isFollowUpQuery(c) ? followUp : list)(c, next));
  app.post('/', (c, next) => (isFormBody(c) ? followUp : uploadByQuery)(c, next));
  app.put('/', uploadByQuery);
  app.on(['PUT', 'POST'], '/:name', uploadByPath);
  app.get('/:id', guarded(requireAdminToken, (c) => serveRecording(c, storeOf(c), c.req.param('id') ?? '')));
  app.delete('/:id', guarded(requireAdminToken, (c) => deleteRecording(c, storeOf(c), c.req.param('id') ?? '')));
  return app;
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
