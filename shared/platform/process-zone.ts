import { listedZone } from '../config/time-zone.js';
import { useHostZone } from '../hours/zone.js';

/**
 * On Lambda one process serves one TIMEZONE: Node's local time is set to it (`TZ`, which Node
 * applies at once) and the hours take the zone's offsets from the process's own clock, the same
 * ICU zone data as Intl without the first formatter's ~12 ms of every cold start. Only a zone
 * Intl lists (in any case) qualifies; anything else (an alias, a typo, unset) stays with Intl.
 */
export function adoptProcessZone(name: string | undefined): void {
  // The name exactly as the config reads it (trimmed, canonical), so the hours ask for this zone.
  const zone = name === undefined ? undefined : listedZone(name.trim());
  if (zone === undefined) return;
  process.env['TZ'] = zone;
  useHostZone(zone, localOffset);
}

/** The offset at a whole second, to the second (getTimezoneOffset rounds to minutes: LMT has seconds). */
function localOffset(instantMs: number): number {
  const local = new Date(instantMs);
  const wall = new Date(0);
  wall.setUTCFullYear(local.getFullYear(), local.getMonth(), local.getDate());
  wall.setUTCHours(local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds());
  return wall.getTime() - instantMs;
}
