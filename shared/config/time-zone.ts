import type { EnvReader } from './read.js';

/**
 * TIMEZONE checked with Intl alone (no hours parser) and canonicalized (`america/new_york` reads
 * as `America/New_York`); undefined when unset, a problem when not a zone.
 */
export function readTimeZone(read: EnvReader): string | undefined {
  const zone = read.text('TIMEZONE');
  if (zone === undefined) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return read.problem('TIMEZONE', `expected an IANA zone like America/New_York, found "${zone}"`);
  }
}
