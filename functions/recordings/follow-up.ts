import type { Handler } from 'hono';
import { goodbyeFlow } from '../../shared/calls/voicemail.js';
import { logEvent, pivotRoute, type AppEnv } from '../../shared/http/index.js';
import type { RecordingStore } from '../../shared/storage/types.js';
import { parseName } from './upload-name.js';

/**
 * The TwiML `<Record action>` request (RecordingUrl, RecordingDuration): answer goodbye in the
 * request's dialect and note the duration. It may arrive before the upload has landed; the store
 * keeps the duration aside and applies it then.
 */
export function recordFollowUp(storeOf: (c: Parameters<Handler<AppEnv>>[0]) => RecordingStore): Handler<AppEnv> {
  return async (c, next) =>
    pivotRoute('recordings', async ({ context, request }) => {
      const callId = callIdOf(request.recordingUrl) ?? request.callId;
      const seconds = request.recordingDuration;
      if (callId !== undefined && seconds !== undefined) {
        // A storage hiccup must not cost the caller their goodbye.
        await storeOf(c)
          .setDuration(callId, seconds)
          .catch((error: unknown) => logEvent('warn', 'duration_not_saved', { callId, message: String(error) }));
      }
      return goodbyeFlow({ ...context, dialect: request.dialect === 'kazoo' ? 'callflow' : 'twiml' });
    })(c, next);
}

/** The call id in the upload URL Kazoo reports (`.../call_recording_<CallId>.mp3`). */
function callIdOf(recordingUrl: string | undefined): string | undefined {
  const last = recordingUrl?.split('?')[0]?.split('/').pop();
  if (last === undefined || last === '') return undefined;
  try {
    return parseName(decodeURIComponent(last)).callId;
  } catch {
    return undefined;
  }
}
