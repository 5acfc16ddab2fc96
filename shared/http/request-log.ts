import type { PivotRequest } from '../adapter/index.js';
import type { Endpoint } from '../config/types.js';
import type { Dialect } from '../flows/index.js';
import { logEnabled, logText, logTime, maskedNumber, withoutSecrets, writeLogLine } from './log.js';

/**
 * What one request did, filled in while it is answered and written as one JSON line when it is done
 * (README "Request log"). Setting fields is cheap; the line is only built when LOG_LEVEL lets it through.
 */
export class RequestLog {
  readonly started = Date.now();
  /** Decision facts from the answer function (`state`, `reason`, `caller`, `menu`, ...); capped when written. */
  readonly notes: Record<string, string> = {};
  /** Fields our own code sets, already safe: `why` of a 401, `error`, `simulatedAt`, ... */
  readonly fields: Record<string, string | number> = {};
  /** What the answered Pivot request said (the fields the line shows). */
  request?: Pick<PivotRequest, 'dialect' | 'callId' | 'callerIdNumber'>;
  /** What was answered: its dialect, and its words for the line (`ring device`, `voicemail`, ...), worked out only when the line is written. */
  answer?: { readonly dialect: Dialect; readonly describe: () => string };
  /** Why the answer fell back. */
  fallback?: string;
  upload?: { readonly id: string; readonly bytes: number; readonly callId: string };
  /** The call a request is about when no parameters say it (an upload's name): its line names it even when it fails. */
  callId?: string | undefined;
  /** Something went wrong that the status does not show (a refused X-Simulate-At). */
  warn = false;

  readonly note = (key: string, value: string): void => {
    this.notes[key] = value;
  };

  /** Writes the line, unless LOG_LEVEL filters it out. `callId` and `bytes` are only asked for when needed. */
  finish(endpoint: Endpoint, method: string, status: number, requestId: string, callId: () => string | undefined, bytes: () => string | undefined): void {
    const { request, answer, upload, notes, fallback } = this;
    const level = status >= 500 ? 'error' : status >= 400 || fallback !== undefined || this.warn ? 'warn' : 'info';
    if (!logEnabled(level)) return;
    const isUpload = answer === undefined && status !== 401 && endpoint === 'recordings' && (method === 'PUT' || method === 'POST');
    const event = status === 401 ? 'unauthorized' : fallback !== undefined ? 'fallback' : answer !== undefined ? 'answer' : isUpload ? 'upload' : 'request';
    const now = Date.now();
    const line: Record<string, unknown> = { time: logTime(now), level, event, requestId, endpoint, method, status, ms: now - this.started };
    const call = request?.callId ?? upload?.callId ?? this.callId ?? callId();
    if (call !== undefined) line.callId = logText(call, 80);
    if (request !== undefined) line.dialect = request.dialect;
    if (answer !== undefined) {
      line.answeredIn = answer.dialect;
      line.decision = fallback === undefined ? decision(answer.describe(), notes) : `fallback: ${logText(withoutSecrets(fallback), 300)}`;
    }
    for (const key in notes) line[key] ??= logText(notes[key] ?? '', 100);
    if (request?.callerIdNumber !== undefined) line.callerNumber = maskedNumber(request.callerIdNumber);
    if (isUpload) {
      line.id = upload?.id;
      line.bytes = upload?.bytes ?? (Number(bytes()) || undefined);
      line.outcome = upload === undefined ? (this.fields.error ?? status) : 'stored';
    }
    writeLogLine(level, Object.assign(line, this.fields));
  }
}

/** `voicemail: closed (Christmas)`, `ring device: key 2`, `menu`: what we answered, and why when it is not the plain open case. */
const WHY_KEYS = ['override', 'caller', 'menu', 'dial'] as const;

function decision(answer: string, notes: Readonly<Record<string, string>>): string {
  const why = notes.state === 'closed' ? [notes.reason === undefined ? 'closed' : `closed (${notes.reason})`] : [];
  for (const key of WHY_KEYS) {
    const label = key === 'menu' ? 'key' : key;
    if (notes[key] !== undefined) why.push(notes[key] === 'none' ? `no ${label}` : `${label} ${notes[key]}`);
  }
  return why.length === 0 ? answer : `${answer}: ${logText(why.join(', '), 200)}`;
}
