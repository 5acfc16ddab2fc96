import { cachedPerEnv } from './cache.js';
import { parseConfigWith } from './parse.js';
import { readTimeZone } from './time-zone.js';

/**
 * The config without BUSINESS_HOURS, for `recordings`, which never asks whether the business is
 * open: its Worker then does not ship the hours parser. TIMEZONE is read (checked with Intl
 * only) so times can be shown in local time; unset, they are shown in UTC.
 */
export const loadConfigWithoutHours = cachedPerEnv((env) =>
  parseConfigWith(env, (read) => {
    const timeZone = readTimeZone(read, false);
    return timeZone === undefined ? {} : { timeZone };
  }),
);
