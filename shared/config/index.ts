import { hoursAdvisor } from '../hours/advice/advised.js';
import { cachedPerEnv } from './cache.js';
import { readCalls } from './calls.js';
import { readCallers } from './callers.js';
import { parseConfigWith } from './parse.js';
import { scheduleReader } from './schedule.js';
import { adviseSettings } from './settings-advice.js';
import type { Config } from './types.js';
import { adviseTimeZone } from './zone-advice.js';

export type * from './types.js';

/**
 * Parse the whole config, hours and callers included, without the cache, with everything the owner
 * should be told: zone warnings and suggestions, hours warnings and whole-rule hints, warnings on
 * the other settings (tests, check-config, the local server's start-up report).
 */
export function parseConfig(env: Readonly<Record<string, unknown>>): Config {
  return parseConfigWith(env, { schedule: scheduleReader({ zone: adviseTimeZone, hours: hoursAdvisor }), calls: readCalls, callers: readCallers, advice: adviseSettings });
}

/**
 * The frozen, validated Config for answering calls. Never throws: a bad variable is left out and
 * described in `problems`. Cached per env object, so parsing happens once per process or isolate.
 * The values are those of `parseConfig`; only the owner's advice is left out, which keeps it out
 * of the Worker bundles.
 */
export const loadConfig = cachedPerEnv((env) => parseConfigWith(env, { schedule: scheduleReader(), calls: readCalls, callers: readCallers }));
