import { PivotEdgeError } from '../errors.js';
import { formatLocalDateTime } from '../hours/zone.js';
import { isLocalTime, localTimeToInstant } from './local-time.js';
import { isIsoInstant } from './stored.js';
import { NEXT_CHANGE, OVERRIDE_MAX_DAYS, type HoursOverride } from './types.js';

const EXAMPLE = '{"state":"closed","until":"2026-12-01T14:00"}';
const UNTIL_FORMS = `a local time like "2026-12-01T14:00", an instant like "2026-12-01T14:00-05:00", or "${NEXT_CHANGE}"`;

/**
 * The override a `PUT /recordings/override` body asks for, set at `now`. `until` is a wall time
 * read in `timeZone` (`2026-12-01T14:00`), an instant with an offset or `Z`, or `next-change`;
 * it must lie ahead of `now` and within OVERRIDE_MAX_DAYS. Anything else throws a 400 that says
 * what was expected.
 */
export function overrideFromRequest(body: unknown, now: Date, timeZone: string | undefined): HoursOverride {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad(`expected a JSON object like ${EXAMPLE}`);
  const { state, until } = body as Record<string, unknown>;
  if (state !== 'open' && state !== 'closed') throw bad(`"state" must be "open" or "closed", found ${JSON.stringify(state) ?? 'nothing'}`);
  if (typeof until !== 'string' || until.trim() === '') {
    throw bad(`"until" is required: ${UNTIL_FORMS}`);
  }
  const text = until.trim();
  const setAt = now.toISOString();
  if (text === NEXT_CHANGE) return { state, until: NEXT_CHANGE, setAt };
  const instant = instantOf(text, timeZone);
  const shown = timeZone === undefined ? instant.toISOString() : `${formatLocalDateTime(instant, timeZone)} in ${timeZone}`;
  if (instant.getTime() <= now.getTime()) throw new PivotEdgeError('until_past', `"until" (${shown}) is already past: choose a later time.`, 400);
  if (instant.getTime() > now.getTime() + OVERRIDE_MAX_DAYS * 86_400_000) {
    throw new PivotEdgeError('until_too_far', `"until" (${shown}) is more than ${OVERRIDE_MAX_DAYS} days ahead: put longer closures in BUSINESS_HOURS, like Jul 20-Aug 10 off "Summer break".`, 400);
  }
  return { state, until: instant.toISOString(), setAt };
}

function instantOf(text: string, timeZone: string | undefined): Date {
  if (isIsoInstant(text)) return new Date(text);
  if (!isLocalTime(text)) {
    throw bad(`"until" must be ${UNTIL_FORMS}, found ${JSON.stringify(text)}`);
  }
  if (timeZone === undefined) {
    throw new PivotEdgeError('time_zone_unknown', `TIMEZONE is not set (or not valid), so "${text}" cannot be placed: send it with an offset, like "${text}-05:00".`, 400);
  }
  return localTimeToInstant(text, timeZone);
}

function bad(message: string): PivotEdgeError {
  return new PivotEdgeError('bad_override', message, 400);
}
