import { menuAnswer } from '../../shared/calls/index.js';
import { loadConfigWithoutCallers } from '../../shared/config/without-callers.js';
import { createPivotApp, overrideLookup, requestInstant, type PivotAppOptions, type Platform } from '../../shared/http/index.js';

/**
 * The gathered function: routes a menu choice made through `<Gather>`. It is requested by our own
 * TwiML, so the menu answers TwiML; ringing and voicemail answer Callflow JSON (see ringFlow).
 */
export function createGatheredApp(platform: Platform, options: PivotAppOptions = {}) {
  return createPivotApp(platform, loadConfigWithoutCallers, 'gathered', menuAnswer, {
    dialect: 'twiml',
    clock: requestInstant,
    override: overrideLookup(platform, options.settings),
  });
}
