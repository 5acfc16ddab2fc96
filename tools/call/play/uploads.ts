import { exchange, shownUrl } from '../wire/http.js';
import { audioContentType, audioSeconds, recordCallUrl } from '../wire/recording.js';
import type { CallRun } from './run.js';

/** Stop an active `record_call` and upload it the way Kazoo would (pivot-protocol.md §5.2). */
export async function finishRecording(call: CallRun): Promise<void> {
  const recording = call.recording;
  if (recording === undefined) return;
  call.recording = undefined;
  const record = call.options.record;
  if (record === undefined) {
    call.warn('no --record file: nothing uploaded for this recording');
    return;
  }
  if (!recording.spoken) call.warn('nothing held the line between record_call start and stop: the caller had no time to speak');
  const seconds = audioSeconds(record.bytes);
  const uploadUrl = recordCallUrl(recording.url, call.vars, recording.format, call.kazoo, seconds === undefined ? undefined : Math.round(seconds * 1000), new Date());
  await uploadMessage(call, recording.method.toUpperCase(), uploadUrl, recording.format);
}

/** PUT/POST the caller's message, raw body, type by extension (pivot-protocol.md §5); false when it did not land. */
export async function uploadMessage(call: CallRun, method: string, url: string, ext: string): Promise<boolean> {
  const record = call.options.record;
  if (record === undefined) return false;
  const fileExt = record.name.split('.').pop()?.toLowerCase();
  if (fileExt !== ext) call.warn(`--record is a .${fileExt ?? '?'} file; Kazoo would send ${ext} audio here`);
  const result = await exchange(url, { method, headers: { 'content-type': audioContentType(ext) }, body: record.bytes }, call.http);
  let id: unknown;
  try {
    id = (JSON.parse(new TextDecoder().decode(result.bytes)) as { id?: unknown }).id;
  } catch {
    id = undefined;
  }
  call.step({
    kind: 'upload', method, url: shownUrl(url), ms: result.ms,
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(typeof id === 'string' ? { id } : {}),
    ...(result.error === undefined ? {} : { error: result.error }),
  });
  const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
  if (!ok) call.problems.push(`the recording upload failed (${result.error ?? `status ${result.status}`}): Kazoo retries, then the message is lost`);
  return ok;
}
