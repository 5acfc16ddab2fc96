import type { Handler } from 'hono';
import { recordedFlow } from '../../shared/calls/voicemail.js';
import { flowResponse } from '../../shared/http/flow-response.js';
import { logText, withoutSecrets } from '../../shared/http/log.js';
import type { AppContext, AppEnv } from '../../shared/http/types.js';
import type { RecordingStore } from '../../shared/storage/types.js';
import { callFacts } from './call-facts.js';
import { readFollowUpRequest } from './follow-up-request.js';
import { decodeUrlText, parseName } from './upload-name.js';
import { readUploadQuery } from './upload-query.js';

/**
 * The TwiML `<Record action>` request (4.3): answer goodbye in the request's dialect and keep
 * what it says about the call (From, CallerName/CallerNumber, To, RecordingDuration, and our own
 * query keys such as `reason`). It may arrive before the upload has landed; the store keeps the
 * facts aside and applies them then. The answer is the same whatever happens to the facts (the
 * message is recorded by then), so it is its own fallback and needs no other (pivot-route.ts).
 */
export function recordFollowUp(storeOf: (c: AppContext) => RecordingStore): Handler<AppEnv> {
  return async (c) => {
    const request = await readFollowUpRequest(c.req.raw);
    c.var.log.request = request;
    const callId = callIdOf(request.recordingUrl) ?? request.callId;
    if (callId !== undefined) {
      const facts = callFacts(
        {
          callerIdName: request.callerIdName,
          callerIdNumber: request.callerIdNumber,
          from: request.from,
          to: request.to,
          durationSeconds: request.recordingDuration === undefined ? undefined : Math.round(request.recordingDuration),
        },
        (name) => c.req.query(name),
      );
      // A storage hiccup must not cost the caller their goodbye; the request's own line says what was lost.
      try {
        await storeOf(c).addCallFacts(callId, facts);
      } catch (error) {
        Object.assign(c.var.log.fields, { error: 'call_facts_not_saved', cause: logText(withoutSecrets(String(error)), 300) });
        c.var.log.warn = true;
      }
    }
    const config = c.var.config;
    const dialect = request.dialect === 'kazoo' ? 'callflow' : 'twiml';
    const flow = recordedFlow(config, dialect);
    // Thank you, goodbye: in the request log's words (shared/http/decision.ts) a hang-up.
    c.var.log.answer = { dialect, describe: () => 'hangup' };
    return flowResponse(flow, {});
  };
}

/**
 * The call id in the upload URL Kazoo reports: `.../call_recording_<CallId>.mp3`, or the same
 * glued onto the action URL's query (`...?reason=closed/call_recording_<CallId>.mp3`).
 */
function callIdOf(recordingUrl: string | undefined): string | undefined {
  if (recordingUrl === undefined) return undefined;
  const queryAt = recordingUrl.indexOf('?');
  const inQuery = queryAt === -1 ? undefined : readUploadQuery(recordingUrl.slice(queryAt + 1)).fileName;
  const path = queryAt === -1 ? recordingUrl : recordingUrl.slice(0, queryAt);
  // Decoded exactly as the upload's own URL is, so both name the same call.
  const name = inQuery ?? decodeUrlText(path.slice(path.lastIndexOf('/') + 1));
  try {
    return parseName(name).callId;
  } catch {
    return undefined;
  }
}
