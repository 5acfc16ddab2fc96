import type { PivotRequest } from '../adapter/index.js';
import type { Endpoint } from '../config/types.js';
import type { Flow } from '../flows/index.js';
import { describeFlow } from './decision.js';
import { logEnabled, logText, maskedNumber, withoutSecrets, writeLogLine, type LogLevel } from './log.js';

const CALL_ID_MAX = 80;
const NOTE_MAX = 100;
const WHY_MAX = 300;

/**
 * What one request did, filled in while it is answered and written as one line when it is done.
 * Everything here is cheap to set; the line is only built when LOG_LEVEL lets it through.
 */
export class RequestLog {
  readonly started = Date.now();
  /** Decision facts from the answer function (`state`, `reason`, `caller`, `menu`, ...). */
  readonly notes: Record<string, string> = {};
  request?: PivotRequest;
  flow?: Flow;
  /** Why the answer fell back. */
  fallback?: string;
  /** Why a token was refused (never the token). */
  refused?: string;
  upload?: { readonly id: string; readonly bytes: number; readonly callId: string };
  /** Our error code, for a 4xx/5xx. */
  error?: string;
  /** The message of an unexpected (5xx) error. */
  message?: string;
  /** The X-Simulate-At instant used, or why the header was not honoured. */
  simulatedAt?: string;
  simulateRefused?: string;

  readonly note = (key: string, value: string): void => {
    this.notes[key] = value;
  };

  /** Writes the request's line, unless LOG_LEVEL filters it out. */
  finish(endpoint: Endpoint, method: string, status: number, requestId: string, queryCallId: () => string | undefined, declaredBytes: () => string | undefined): void {
    const level = this.level(status);
    if (!logEnabled(level)) return;
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      event: this.event(endpoint, method, status),
      requestId,
      endpoint,
      method,
      status,
      ms: Date.now() - this.started,
    };
    const callId = this.request?.callId ?? this.upload?.callId ?? queryCallId();
    if (callId !== undefined) line.callId = logText(callId, CALL_ID_MAX);
    if (this.request !== undefined) line.dialect = this.request.dialect;
    if (this.flow !== undefined) {
      line.answeredIn = this.flow.dialect;
      line.decision = this.fallback === undefined ? decision(describeFlow(this.flow), this.notes) : `fallback: ${logText(withoutSecrets(this.fallback), WHY_MAX)}`;
    }
    for (const key in this.notes) if (!(key in line)) line[key] = logText(this.notes[key] ?? '', NOTE_MAX);
    const number = this.request?.callerIdNumber;
    if (number !== undefined) line.callerNumber = maskedNumber(number);
    if (this.refused !== undefined) line.why = this.refused;
    if (line.event === 'upload') {
      if (this.upload !== undefined) Object.assign(line, { id: this.upload.id, bytes: this.upload.bytes });
      else {
        const declared = declaredBytes();
        if (declared !== undefined && /^\d{1,15}$/.test(declared)) line.bytes = Number(declared);
      }
      line.outcome = this.upload === undefined ? (this.error ?? `status ${status}`) : 'stored';
    } else if (this.error !== undefined) line.error = this.error;
    if (this.message !== undefined) line.message = logText(withoutSecrets(this.message), WHY_MAX);
    if (this.simulatedAt !== undefined) line.simulatedAt = this.simulatedAt;
    if (this.simulateRefused !== undefined) line.simulateRefused = this.simulateRefused;
    writeLogLine(level, line);
  }

  private level(status: number): LogLevel {
    if (status >= 500) return 'error';
    if (status >= 400 || this.fallback !== undefined || this.simulateRefused !== undefined) return 'warn';
    return 'info';
  }

  private event(endpoint: Endpoint, method: string, status: number): string {
    if (status === 401) return 'unauthorized';
    if (this.fallback !== undefined) return 'fallback';
    if (this.flow !== undefined) return 'answer';
    if (endpoint === 'recordings' && (method === 'PUT' || method === 'POST')) return 'upload';
    return 'request';
  }
}

/** `voicemail: closed (Christmas)`, `ring device: key 2`, `menu`: what we answered, and why when it is not the plain open case. */
function decision(answer: string, notes: Readonly<Record<string, string>>): string {
  const why: string[] = [];
  if (notes.state === 'closed') why.push(notes.reason === undefined ? 'closed' : `closed (${logText(notes.reason, NOTE_MAX)})`);
  if (notes.override !== undefined) why.push(`override ${logText(notes.override, NOTE_MAX)}`);
  if (notes.caller !== undefined) why.push(`caller ${logText(notes.caller, NOTE_MAX)}`);
  if (notes.menu !== undefined) why.push(notes.menu === 'none' ? 'no key' : `key ${logText(notes.menu, NOTE_MAX)}`);
  if (notes.dial !== undefined) why.push(`dial ${logText(notes.dial, NOTE_MAX)}`);
  return why.length === 0 ? answer : `${answer}: ${why.join(', ')}`;
}
