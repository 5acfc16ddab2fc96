import type { EnvReader } from './read.js';

/** TIMEZONE, validated against Intl; apart from the hours so `recordings` reads it without the hours parser. */
export function readTimeZone(read: EnvReader): string | undefined {
  const zone = read.text('TIMEZONE');
  if (zone === undefined) return read.problem('TIMEZONE', 'required: an IANA zone like America/New_York');
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return read.problem('TIMEZONE', `expected an IANA zone like America/New_York, found "${zone}"`);
  }
}
