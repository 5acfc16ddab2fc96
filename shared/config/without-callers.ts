import { cachedPerEnv } from './cache.js';
import { readCalls } from './calls.js';
import { parseConfigWith } from './parse.js';
import { scheduleReader } from './schedule.js';

/**
 * The config without the caller rules (VIP_NUMBERS, BLOCKED_NUMBERS, CALLER_LOOKUP_*), for
 * `collected` and `gathered`, which come after front-desk has decided by caller: their Workers
 * then do not ship the number normaliser and the lookup settings.
 */
export const loadConfigWithoutCallers = cachedPerEnv((env) => parseConfigWith(env, { schedule: scheduleReader(), calls: readCalls }));
