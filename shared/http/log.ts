/** LOG_LEVEL: `info` logs every request, `warn` only what went wrong (fallbacks, 4xx, refused time overrides), `error` only 5xx. */
export type LogLevel = 'info' | 'warn' | 'error';

const RANK: Readonly<Record<LogLevel, number>> = { info: 0, warn: 1, error: 2 };
let threshold = 0;

/** The running config's LOG_LEVEL; set by every endpoint app as a request comes in. */
export function setLogLevel(level: LogLevel): void {
  threshold = RANK[level];
}

/** Whether a line of `level` would be written: check before building one, so filtered lines cost nothing. */
export function logEnabled(level: LogLevel): boolean {
  return RANK[level] >= threshold;
}

/**
 * One JSON line per event, in the format of the request lines (`time`, `level`, `event` first).
 * Callers pass only their own words and ids: never a token, a URL handed to Kazoo (it carries the
 * token) or an Authorization header.
 */
export function logEvent(level: LogLevel, event: string, fields: Readonly<Record<string, unknown>> = {}): void {
  if (RANK[level] < threshold) return;
  writeLogLine(level, { time: new Date().toISOString(), level, event, ...fields });
}

/** Writes one already-built line: stdout for info (Node, Workers Logs and CloudWatch all read it), stderr otherwise. */
export function writeLogLine(level: LogLevel, line: Readonly<Record<string, unknown>>): void {
  console[level](JSON.stringify(line));
}

const MARKER = '…';

/**
 * A request value made safe for a line: control characters dropped, cut to `max` characters
 * (code points, never half a surrogate pair). Values that are already short and clean come
 * back as they are, which is nearly always, so the usual cost is one length check and one scan.
 */
export function logText(value: string, max: number): string {
  if (value.length <= max && isClean(value)) return value;
  let out = '';
  let kept = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) continue;
    if (kept === max) return out + MARKER;
    out += char;
    kept += 1;
  }
  return out;
}

function isClean(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false;
    // A surrogate is fine only as half of a pair; a lone one would break Kazoo-bound text and some log readers.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index += 1;
    } else if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

/**
 * How much of a caller's number a line keeps: the last four characters (`…0100`), or the whole
 * value when it is that short (an extension). README "Request log" says why.
 */
export function maskedNumber(number: string): string {
  const clean = logText(number, 64);
  const characters = Array.from(clean);
  return characters.length <= 4 ? clean : MARKER + characters.slice(-4).join('');
}

/** Credentials that may hide in free text (a config value quoted in an error): URL passwords and `token=` values. */
export function withoutSecrets(text: string): string {
  if (!text.includes('@') && !/token/i.test(text)) return text;
  return text.replace(/(\/\/[^/\s:@"]*:)[^/\s@"]+@/g, '$1•••@').replace(/(token=)[^&\s"]+/gi, '$1•••');
}
