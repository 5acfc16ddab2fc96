/** LOG_LEVEL: `info` logs every request, `warn` only what went wrong (fallbacks, 4xx, refused time overrides), `error` only 5xx. */
export type LogLevel = 'info' | 'warn' | 'error';

const RANK: Readonly<Record<LogLevel, number>> = { info: 0, warn: 1, error: 2 };
let threshold = 0;

/** The running config's LOG_LEVEL; set by every endpoint app as a request comes in. */
export function setLogLevel(level: LogLevel): void {
  threshold = RANK[level];
}

/** Whether a line of `level` is written: checked before one is built, so a filtered line costs nothing. */
export function logEnabled(level: LogLevel): boolean {
  return RANK[level] >= threshold;
}

/**
 * One JSON line per event, in the format of the request lines (`time`, `level`, `event` first).
 * Callers pass only their own words and ids: never a token, a URL handed to Kazoo (it carries the
 * token) or an Authorization header.
 */
export function logEvent(level: LogLevel, event: string, fields: Readonly<Record<string, unknown>> = {}): void {
  if (logEnabled(level)) writeLogLine(level, { time: logTime(Date.now()), level, event, ...fields });
}

let lastMs = NaN;
let lastTime = '';

/** The `time` of a line: the ISO instant of `ms`, formatted once per millisecond however many lines share it. */
export function logTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastTime = new Date(ms).toISOString();
  }
  return lastTime;
}

type LineWriter = (level: LogLevel, text: string) => void;

// Workers Logs and CloudWatch read every console method (and keep the level); `npm start` sends
// every level to stdout instead (server.ts), where Node's console.warn/error would write stderr.
let write: LineWriter = (level, text) => console[level](text);

/** Where built lines go; the local server passes one that writes stdout. */
export function setLogWriter(writer: LineWriter): void {
  write = writer;
}

/** Writes one built line. */
export function writeLogLine(level: LogLevel, line: Readonly<Record<string, unknown>>): void {
  write(level, JSON.stringify(line));
}

// Control characters, and any surrogate (a valid pair just takes the slow path below).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * A request value made safe for a line: control characters and lone surrogates dropped, cut to
 * `max` characters (code points, never half a pair), `…` marking a cut. A short clean value, which
 * is nearly every value, costs one length check and one scan.
 */
export function logText(value: string, max: number): string {
  if (value.length <= max && !UNSAFE.test(value)) return value;
  let out = '';
  let kept = 0;
  for (const char of value) {
    if (char.length === 1 && UNSAFE.test(char)) continue;
    if (kept++ === max) return `${out}…`;
    out += char;
  }
  return out;
}

/**
 * How much of a caller's number a line keeps: the last four characters (`…0100`), or all of a
 * value that short (an extension). README "Request log" says why.
 */
export function maskedNumber(number: string): string {
  const clean = logText(number, 64);
  if (clean.length <= 4) return clean;
  // A pair of surrogates counts as one character: only then is the slower split needed.
  return UNSAFE.test(clean) ? `…${Array.from(clean).slice(-4).join('')}` : `…${clean.slice(-4)}`;
}

/** Free text (a config value quoted in an error) with URL passwords and `token=` values blanked. */
export function withoutSecrets(text: string): string {
  return text.replace(/(\/\/[^/\s:@"]*:)[^/\s@"]+@/g, '$1•••@').replace(/(token=)[^&\s"]+/gi, '$1•••');
}
