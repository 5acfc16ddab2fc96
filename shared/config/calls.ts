import { readMenu } from './menu-config.js';
import type { EnvReader } from './read.js';
import { readFrontDesk } from './targets.js';
import type { MenuConfig, RingTarget } from './types.js';

/** Reads who rings (FRONT_DESK_*, MENU); injected so `recordings`, which rings no one, does not bundle the menu parser. */
export type CallsReader = (read: EnvReader) => { readonly frontDesk?: RingTarget; readonly menu?: MenuConfig };

/** FRONT_DESK_* and MENU, validated, with a warning when neither is set. */
export const readCalls: CallsReader = (read) => {
  const frontDesk = readFrontDesk(read);
  const menu = readMenu(read);
  if (frontDesk === undefined && menu === undefined) {
    read.warnings.push('no FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID, FRONT_DESK_NUMBER or MENU: open-hours calls get the fallback (voicemail)');
  }
  return { ...(frontDesk === undefined ? {} : { frontDesk }), ...(menu === undefined ? {} : { menu }) };
};
