import type { Config } from '../../shared/config/types.js';
import type { AppContext } from '../../shared/http/types.js';
import { requestOrigin } from '../../shared/http/urls.js';
import type { RecordingLinks } from '../../shared/notify/index.js';

/** The recordings base URL as the owner reaches it: without the Pivot token userinfo. */
export function recordingsBase(c: AppContext, config: Config): string {
  return bare(config.endpointUrls.recordings ?? `${config.publicBaseUrl ?? requestOrigin(c)}/recordings`);
}

/**
 * The recordings base URL from configuration alone (RECORDINGS_URL, else PUBLIC_BASE_URL +
 * `/recordings`), for links that leave the request: notices. Never the request's Host or
 * X-Forwarded-* headers, which whoever sends the upload controls. Undefined when neither is set.
 */
export function configuredRecordingsBase(config: Config): string | undefined {
  const configured = config.endpointUrls.recordings ?? (config.publicBaseUrl === undefined ? undefined : `${config.publicBaseUrl}/recordings`);
  return configured === undefined ? undefined : bare(configured);
}

function bare(base: string): string {
  const url = new URL(base);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** The API URL of one recording and the inbox page that plays it (the admin token is never in a URL). */
export function recordingLinks(base: string, id: string): RecordingLinks {
  return { url: `${base}/${id}`, inbox: `${base}/inbox#${id}` };
}
