import { isPivotEdgeError } from '../errors.js';
import { parseHoursWith, type HoursAdvisor } from '../hours/parse.js';
import type { Schedule } from '../hours/types.js';
import { DEFAULT_BUSINESS_HOURS } from './defaults.js';
import type { EnvReader } from './read.js';
import { readTimeZone } from './time-zone.js';
import type { ZoneAdvice } from './zone-advice.js';

/** Reads TIMEZONE and BUSINESS_HOURS; injected so functions that never look at hours do not bundle the parser. */
export type ScheduleReader = (read: EnvReader) => { readonly timeZone?: string; readonly hours?: Schedule };

/** What an owner is told beyond valid/invalid (see `parseConfig`); left out on the request path. */
export interface ScheduleAdvice {
  readonly zone: (name: string) => ZoneAdvice;
  readonly hours: HoursAdvisor;
}

/** TIMEZONE and BUSINESS_HOURS, validated; a bad value becomes a problem, never a guess. */
export function scheduleReader(advice?: ScheduleAdvice): ScheduleReader {
  return (read) => {
    const timeZone = readTimeZone(read, { required: true, advise: advice?.zone });
    const hours = readHours(read, advice);
    return { ...(timeZone === undefined ? {} : { timeZone }), ...(hours === undefined ? {} : { hours }) };
  };
}

function readHours(read: EnvReader, advice: ScheduleAdvice | undefined): Schedule | undefined {
  const source = read.text('BUSINESS_HOURS') ?? DEFAULT_BUSINESS_HOURS;
  try {
    return parseHoursWith(source, advice?.hours);
  } catch (error) {
    const message = isPivotEdgeError(error) ? error.message.replace(/^BUSINESS_HOURS: /, '') : `could not be read (${String(error)})`;
    return read.problem('BUSINESS_HOURS', message);
  }
}
