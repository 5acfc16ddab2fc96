import type { EnvReader } from './read.js';

/**
 * TIMEZONE checked with Intl alone (no hours parser), canonicalized (`america/new_york` reads as
 * `America/New_York`). Unset: a problem when `required`, else simply undefined.
 */
export function readTimeZone(read: EnvReader, required: boolean): string | undefined {
  const zone = read.text('TIMEZONE');
  if (zone === undefined) return required ? read.problem('TIMEZONE', 'required: an IANA zone like America/New_York') : undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return read.problem('TIMEZONE', `expected an IANA zone like America/New_York, found "${zone}"`);
  }
}
