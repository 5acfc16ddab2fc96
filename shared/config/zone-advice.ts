// Read at config parse only: owners write what their clock shows ("EST", "UTC-6"), which is a
// fixed offset that stays an hour off all summer, or not a zone at all.

const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const LOS_ANGELES = 'America/Los_Angeles';
const LONDON = 'Europe/London';

/** Abbreviations and legacy names, lower case, with the zone they usually mean. */
const USUAL_ZONE: Readonly<Record<string, string>> = {
  est: NEW_YORK, edt: NEW_YORK, et: NEW_YORK, est5edt: NEW_YORK, eastern: NEW_YORK,
  cst: CHICAGO, cdt: CHICAGO, ct: CHICAGO, cst6cdt: CHICAGO, central: CHICAGO,
  mst: DENVER, mdt: DENVER, mt: DENVER, mst7mdt: DENVER, mountain: DENVER,
  pst: LOS_ANGELES, pdt: LOS_ANGELES, pt: LOS_ANGELES, pst8pdt: LOS_ANGELES, pacific: LOS_ANGELES,
  akst: 'America/Anchorage', akdt: 'America/Anchorage',
  hst: 'Pacific/Honolulu', hast: 'Pacific/Honolulu',
  ast: 'America/Halifax', adt: 'America/Halifax',
  nst: 'America/St_Johns', ndt: 'America/St_Johns',
  gmt: LONDON, bst: LONDON, 'etc/gmt': LONDON,
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', met: 'Europe/Berlin',
  eet: 'Europe/Athens', eest: 'Europe/Athens', wet: 'Europe/Lisbon', west: 'Europe/Lisbon',
};

const NOTES: Readonly<Record<string, string>> = { mst: ' (or America/Phoenix, which keeps standard time all year)' };

/** Whole-hour UTC offsets to the zone a business on that offset most likely means. */
const ZONE_FOR_OFFSET: Readonly<Record<string, string>> = {
  '-10': 'Pacific/Honolulu', '-9': 'America/Anchorage', '-8': LOS_ANGELES, '-7': DENVER, '-6': CHICAGO,
  '-5': NEW_YORK, '-4': 'America/Halifax', '0': LONDON, '1': 'Europe/Berlin', '2': 'Europe/Athens',
};

// UTC-6, GMT+5:30, +05:00, Etc/GMT+5 (whose sign is inverted, POSIX style).
const OFFSET_NAME = /^(etc\/)?(?:gmt|utc|ut)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

export interface ZoneAdvice {
  /** The zone to use (as Intl resolves it); absent when the name is not a zone. */
  readonly zone?: string;
  /** Why the name cannot be used (then `zone` is absent). */
  readonly problem?: string;
  /** Why the name works but is probably not what the owner meant. */
  readonly warning?: string;
}

function resolve(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `GMT-05:00` in January and in July of this year; equal for a zone without daylight saving time. */
function offsets(zone: string): readonly [string, string] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  // ECMA-402 writes a zero offset as plain "GMT"; some ICU versions as "GMT+00:00".
  const name = (month: number): string =>
    (format.formatToParts(Date.UTC(new Date().getUTCFullYear(), month, 15)).find((part) => part.type === 'timeZoneName')?.value ?? '').replace(/^GMT$/, 'GMT+00:00');
  return [name(0), name(6)];
}

function offsetAdvice(name: string, match: RegExpMatchArray, zone: string | undefined): ZoneAdvice {
  const [, etc, sign = '+', hours = '0', minutes = '00'] = match;
  const east = (sign === '+') !== (etc !== undefined);
  const offset = `UTC${east ? '+' : '-'}${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`;
  const suggestion = minutes === '00' ? ZONE_FOR_OFFSET[String((east ? 1 : -1) * Number(hours))] : undefined;
  const instead = suggestion === undefined ? 'write the IANA zone of the business\'s city, like Europe/Berlin' : `did you mean ${suggestion}?`;
  const inverted = etc === undefined ? '' : ' (Etc/GMT names invert the sign)';
  if (zone === undefined) return { problem: `"${name}" is a fixed UTC offset, not a zone; ${instead}` };
  return { zone, warning: `"${name}" is a fixed offset${inverted}: ${offset} all year, no daylight saving time; ${instead}` };
}

const changesClocks = ([january, july]: readonly [string, string]): boolean => january !== july;

function legacyAdvice(name: string, usual: string, zone: string | undefined): ZoneAdvice {
  const meant = `did you mean ${usual}${NOTES[name.toLowerCase()] ?? ''}?`;
  if (zone === undefined) return { problem: `"${name}" is an abbreviation, not a zone; ${meant}` };
  const read = offsets(zone);
  // "EST" is read as a fixed UTC-5 (America/Panama): an hour off all summer in New York.
  const fixed = !changesClocks(read) && changesClocks(offsets(usual)) ? ` for a fixed offset (${read[0].replace('GMT', 'UTC')} all year, no daylight saving time)` : '';
  return { zone, warning: `"${name}" is a legacy name${fixed}; ${meant}` };
}

/**
 * Checks a TIMEZONE value: an IANA zone passes; an abbreviation or fixed offset (`EST`,
 * `Etc/GMT+5`, `UTC-6`) is named with the zone it usually means; an unknown name gets the
 * nearest IANA names. Messages leave out the variable name.
 */
export function adviseTimeZone(name: string): ZoneAdvice {
  const zone = resolve(name);
  const usual = USUAL_ZONE[name.toLowerCase()];
  if (usual !== undefined) return legacyAdvice(name, usual, zone);
  const offset = OFFSET_NAME.exec(name);
  if (offset !== null) return offsetAdvice(name, offset, zone);
  if (zone !== undefined) return { zone };
  const nearest = nearestZones(name);
  const suggestion = nearest.length === 0 ? '' : `; did you mean ${nearest.join(' or ')}?`;
  return { problem: `expected an IANA zone like America/New_York, found "${name}"${suggestion}` };
}

/** Up to three IANA names closest to `name` by edit distance (whole name, or the city part alone). */
export function nearestZones(name: string): string[] {
  const wanted = name.trim().toLowerCase().replace(/\s+/g, '_');
  if (wanted.length > 64) return [];
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  let best = Math.max(2, Math.floor(wanted.length / 4));
  let found: string[] = [];
  for (const zone of zones) {
    const lower = zone.toLowerCase();
    const score = Math.min(editDistance(wanted, lower), editDistance(wanted, lower.slice(lower.lastIndexOf('/') + 1)));
    if (score < best) [best, found] = [score, []];
    if (score === best && found.length < 3) found.push(zone);
  }
  return found;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
