import { cachedPerEnv } from './cache.js';
import { readCallers } from './callers.js';
import { parseConfigWith } from './parse.js';
import { readSchedule } from './schedule.js';
import type { Config } from './types.js';

export type * from './types.js';

/** Parse the whole config, hours and callers included, without the cache (tests, the check-config script). */
export function parseConfig(env: Readonly<Record<string, unknown>>): Config {
  return parseConfigWith(env, readSchedule, readCallers);
}

/**
 * The frozen, validated Config. Never throws: a bad variable is left out and described in
 * `problems`. Cached per env object, so parsing happens once per process or isolate.
 */
export const loadConfig = cachedPerEnv(parseConfig);
