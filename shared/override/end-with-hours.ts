import { loadConfig } from '../config/index.js';
import { overrideEnd } from './effect.js';
import type { HoursOverride } from './types.js';

/** When an override ends, `next-change` included, from the env's BUSINESS_HOURS (for where the hours parser may be bundled). */
export function overrideEndWithHours(override: HoursOverride, env: Readonly<Record<string, unknown>>): Date | null {
  return overrideEnd(override, loadConfig(env));
}
