import type { Config } from '../../shared/config/types.js';
import { endpointUrls, type AppContext } from '../../shared/http/index.js';
import type { RecordingLinks } from '../../shared/notify/index.js';

/** The recordings base URL as the owner reaches it: without the Pivot token userinfo. */
export function recordingsBase(c: AppContext, config: Config): string {
  const url = new URL(endpointUrls(c, config).recordings);
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
