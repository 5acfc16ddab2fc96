import { cachedPerEnv } from './cache.js';
import { parseConfigWith } from './parse.js';

/**
 * The config without TIMEZONE and BUSINESS_HOURS, for `recordings`, which never asks whether the
 * business is open: its Worker then does not ship the hours parser.
 */
export const loadConfigWithoutHours = cachedPerEnv((env) => parseConfigWith(env));
