import type { RecordingMeta } from '../storage/types.js';

/** Where the owner can reach a new recording: the API URL and the inbox page. No credentials. */
export interface RecordingLinks {
  readonly url: string;
  readonly inbox: string;
}

/** The webhook body for a new recording: our JSON notice, or a Slack incoming-webhook payload. */
export function noticeBody(format: 'json' | 'slack', meta: RecordingMeta, links: RecordingLinks): unknown {
  const caller = describeCaller(meta);
  if (format === 'json') {
    return {
      event: 'recording.created',
      id: meta.id,
      callId: meta.callId,
      caller: { number: meta.callerIdNumber ?? meta.from ?? null, name: meta.callerIdName ?? null },
      from: meta.from ?? null,
      to: meta.to ?? null,
      receivedAt: meta.receivedAt,
      durationSeconds: meta.durationSeconds ?? null,
      bytes: meta.bytes,
      contentType: meta.contentType,
      url: links.url,
      inbox: links.inbox,
    };
  }
  const duration = meta.durationSeconds === undefined ? '' : ` (${formatDuration(meta.durationSeconds)})`;
  const text = `New voicemail from ${slackEscape(caller)}${duration} at ${meta.receivedAt}: <${links.inbox}|listen>`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function describeCaller(meta: RecordingMeta): string {
  const number = meta.callerIdNumber ?? meta.from;
  const name = meta.callerIdName !== undefined && meta.callerIdName !== number ? meta.callerIdName : undefined;
  if (number === undefined) return name ?? 'an unknown caller';
  return name === undefined ? number : `${name} (${number})`;
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// Slack mrkdwn treats <, > and & as control characters; caller names come from the caller.
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
