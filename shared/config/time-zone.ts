import type { EnvReader } from './read.js';
import type { ZoneAdvice } from './zone-advice.js';

/** An IANA zone name checked against Intl (no advice: the request path). */
function resolveZone(name: string): ZoneAdvice {
  try {
    return { zone: new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone };
  } catch {
    return { problem: `expected an IANA zone like America/New_York, found "${name}"` };
  }
}

/**
 * TIMEZONE, validated against Intl; apart from the hours so `recordings` reads it without the hours
 * parser. `advise` (zone-advice.ts) adds "did you mean" suggestions where an owner reads them.
 */
export function readTimeZone(read: EnvReader, advise: (name: string) => ZoneAdvice = resolveZone): string | undefined {
  const name = read.text('TIMEZONE');
  if (name === undefined) return read.problem('TIMEZONE', 'required: an IANA zone like America/New_York');
  const { zone, problem, warning } = advise(name);
  if (warning !== undefined) read.warnings.push(`TIMEZONE: ${warning}`);
  return problem === undefined ? zone : read.problem('TIMEZONE', problem);
}
