import type { ForceState } from '../config/types.js';
import { formatLocalDateTime } from '../hours/zone.js';
import { activeOverride, type HoursConfig } from './effect.js';
import { nextChangeName } from './stored.js';
import type { HoursOverride } from './types.js';

/**
 * One line for people (start-up, `npm run hours`, check-config): `closed until Tue 1 Dec, 14:00
 * (set Mon 30 Nov, 10:02); it wins over the hours until then`; undefined when none is in force at `now`.
 */
export function describeOverride(override: HoursOverride | null, config: HoursConfig & { readonly forceState?: ForceState }, now: Date): string | undefined {
  const active = override === null ? undefined : activeOverride(override, config, now);
  if (override === null || active === undefined) return undefined;
  const local = (instant: Date): string => (config.timeZone === undefined ? instant.toISOString() : formatLocalDateTime(instant, config.timeZone));
  const over = config.forceState === undefined || config.forceState === 'auto' ? 'the hours' : `the hours and FORCE_STATE=${config.forceState}`;
  const which = nextChangeName(override) === undefined ? '' : ` (${nextChangeName(override)})`;
  return `${override.state} until ${local(active.endsAt)}${which} (set ${local(new Date(override.setAt))}); it wins over ${over} until then`;
}
