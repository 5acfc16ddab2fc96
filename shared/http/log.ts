type Level = 'info' | 'warn' | 'error';

/**
 * One JSON line per event. Callers pass only their own words and ids: never a token, a URL
 * handed to Kazoo (it carries the token) or an Authorization header.
 */
export function logEvent(level: Level, event: string, fields: Readonly<Record<string, unknown>> = {}): void {
  console[level](JSON.stringify({ level, event, ...fields }));
}
