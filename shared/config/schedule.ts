import { isPivotEdgeError } from '../errors.js';
import { parseHours } from '../hours/index.js';
import type { Schedule } from '../hours/types.js';
import { DEFAULT_BUSINESS_HOURS } from './defaults.js';
import type { EnvReader } from './read.js';

/** TIMEZONE and BUSINESS_HOURS, validated; a bad value becomes a problem, never a guess. */
export function readSchedule(read: EnvReader): { readonly timeZone?: string; readonly hours?: Schedule } {
  const timeZone = readTimeZone(read);
  const hours = readHours(read);
  return { ...(timeZone === undefined ? {} : { timeZone }), ...(hours === undefined ? {} : { hours }) };
}

function readTimeZone(read: EnvReader): string | undefined {
  const zone = read.text('TIMEZONE');
  if (zone === undefined) return read.problem('TIMEZONE', 'required: an IANA zone like America/New_York');
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return read.problem('TIMEZONE', `expected an IANA zone like America/New_York, found "${zone}"`);
  }
}

function readHours(read: EnvReader): Schedule | undefined {
  const source = read.text('BUSINESS_HOURS') ?? DEFAULT_BUSINESS_HOURS;
  try {
    return parseHours(source);
  } catch (error) {
    const message = isPivotEdgeError(error) ? error.message.replace(/^BUSINESS_HOURS: /, '') : `could not be read (${String(error)})`;
    return read.problem('BUSINESS_HOURS', message);
  }
}

