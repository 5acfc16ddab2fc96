import type { EnvReader } from './read.js';
import type { ZoneAdvice } from './zone-advice.js';

let listedZones: ReadonlyMap<string, string> | undefined;

/** The zone as Intl lists it (`america/new_york` → `America/New_York`), or undefined for a name the list lacks. */
export function listedZone(name: string): string | undefined {
  listedZones ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  return listedZones.get(name.toLowerCase());
}

/**
 * An IANA zone name checked against Intl (no advice: the request path). Looked up in Intl's list
 * of zones first, which loads no locale data: a function that never shows a local time (an upload,
 * the inbox page) then starts without the first formatter's cost (about 12 ms on Node). A name
 * the list lacks (an alias such as US/Eastern, or UTC) is resolved by a formatter, as before.
 */
function resolveZone(name: string): ZoneAdvice {
  const listed = listedZone(name);
  if (listed !== undefined) return { zone: listed };
  try {
    return { zone: new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone };
  } catch {
    return { problem: `expected an IANA zone like America/New_York, found "${name}"` };
  }
}

/**
 * TIMEZONE, checked with Intl alone (no hours parser, so `recordings` reads it too) and
 * canonicalized (`america/new_york` reads as `America/New_York`); a problem when not a zone, and
 * when unset but `required` (the hours need it; recordings then show times in UTC). `advise`
 * (zone-advice.ts) adds "did you mean" suggestions where an owner reads them.
 */
export function readTimeZone(
  read: EnvReader,
  { required = false, advise = resolveZone }: { readonly required?: boolean; readonly advise?: ((name: string) => ZoneAdvice) | undefined } = {},
): string | undefined {
  const name = read.text('TIMEZONE');
  if (name === undefined) return required ? read.problem('TIMEZONE', 'required: an IANA zone like America/New_York') : undefined;
  const { zone, problem, warning } = advise(name);
  if (warning !== undefined) read.warnings.push(`TIMEZONE: ${warning}`);
  return problem === undefined ? zone : read.problem('TIMEZONE', problem);
}
