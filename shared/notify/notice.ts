import type { RecordingMeta } from '../storage/types.js';
import { callerLine, callerNumber, durationText, reasonOf, receivedLocal } from './describe.js';
import { formatLocalDateTime } from '../hours/zone.js';
import { slackInert } from './slack-text.js';

/**
 * Where the owner can reach a new recording: the API URL and the inbox page. Built only from
 * configured URLs (PUBLIC_BASE_URL / RECORDINGS_URL), never from a request; no credentials.
 */
export interface RecordingLinks {
  readonly url: string;
  readonly inbox: string;
}

/**
 * The webhook body for a new recording: our JSON notice, or a Slack incoming-webhook payload.
 * `links` is undefined when no public URL is configured: the notice then says so instead of
 * linking. Times are in `timeZone` (TIMEZONE), or UTC without one.
 */
export function noticeBody(format: 'json' | 'slack', meta: RecordingMeta, links: RecordingLinks | undefined, timeZone?: string): unknown {
  const reason = reasonOf(meta);
  if (format === 'json') {
    return {
      event: 'recording.created',
      id: meta.id,
      callId: meta.callId,
      caller: { number: callerNumber(meta), name: meta.callerIdName ?? null },
      from: meta.from ?? null,
      to: meta.to ?? null,
      dialled: meta.dialled ?? null,
      receivedAt: meta.receivedAt,
      receivedLocal: receivedLocal(meta, timeZone),
      timeZone: timeZone ?? null,
      durationSeconds: meta.durationSeconds ?? null,
      reason,
      bytes: meta.bytes,
      contentType: meta.contentType,
      url: links?.url ?? null,
      inbox: links?.inbox ?? null,
    };
  }
  const when = timeZone === undefined ? `${formatLocalDateTime(new Date(meta.receivedAt), 'UTC')} UTC` : formatLocalDateTime(new Date(meta.receivedAt), timeZone);
  const facts = [
    when,
    ...(meta.durationSeconds === undefined ? [] : [durationText(meta.durationSeconds)]),
    ...(reason.kind === null && reason.detail === null ? [] : [slackInert(reason.label)]),
    ...(meta.dialled === undefined ? [] : [`to ${slackInert(meta.dialled, 40)}`]),
  ];
  const listen = links === undefined ? 'Open your voicemail inbox to listen.' : `<${links.inbox}|Listen>`;
  // Slack reads an incoming webhook's `text` as mrkdwn: caller text above is inert, the link ours.
  return { text: `New voicemail from ${slackInert(callerLine(meta))}: ${facts.join(' · ')}. ${listen}` };
}
