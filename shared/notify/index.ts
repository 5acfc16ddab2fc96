import { logEvent } from '../http/log.js';
import type { RecordingMeta } from '../storage/types.js';
import { noticeBody, type RecordingLinks } from './notice.js';
import { postJson, type SendOptions } from './send.js';

export { callerLine, callerNumber, durationText, reasonOf, receivedLocal, type ReasonView } from './describe.js';
export { noticeBody, type RecordingLinks } from './notice.js';
export { postJson, type SendOptions, type SendResult } from './send.js';

/**
 * Sends the new-recording notice to NOTIFY_WEBHOOK_URL and logs the outcome (without the URL,
 * which may embed a secret, e.g. a Slack webhook path). Never throws.
 */
export async function notifyRecording(
  notify: { readonly url: string; readonly format: 'json' | 'slack' },
  meta: RecordingMeta,
  links: RecordingLinks | undefined,
  options: SendOptions & { readonly timeZone?: string | undefined } = {},
): Promise<boolean> {
  const result = await postJson(notify.url, noticeBody(notify.format, meta, links, options.timeZone), options);
  if (result.ok) logEvent('info', 'notify_sent', { id: meta.id, attempts: result.attempts });
  else logEvent('warn', 'notify_failed', { id: meta.id, attempts: result.attempts, error: result.error });
  return result.ok;
}
