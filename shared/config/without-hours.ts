import { cachedPerEnv } from './cache.js';
import { parseConfigWith } from './parse.js';
import { readTimeZone } from './time-zone.js';

/**
 * The config without BUSINESS_HOURS and the call settings (FRONT_DESK_*, MENU, greetings, ringing,
 * our voicemail's format and length), for `recordings`, which never asks whether the business is
 * open and answers no call but with its goodbye: its Worker then ships neither the hours nor the
 * menu parser, nor their checks. TIMEZONE is read (checked with Intl only) so times can be shown
 * in local time; unset, they are shown in UTC.
 */
export const loadConfigWithoutHours = cachedPerEnv((env) =>
  parseConfigWith(env, {
    schedule: (read) => {
      const timeZone = readTimeZone(read);
      return timeZone === undefined ? {} : { timeZone };
    },
  }),
);
