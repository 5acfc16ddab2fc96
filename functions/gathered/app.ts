import { menuAnswer } from '../../shared/calls/index.js';
import { loadConfigWithoutCallers } from '../../shared/config/without-callers.js';
import { createPivotApp, overrideLookup, pivotHandler, requestInstant, type PivotAppOptions, type PivotHandler, type Platform } from '../../shared/http/index.js';

/**
 * The gathered function: routes a menu choice made through `<Gather>`. It is requested by our own
 * TwiML, so the menu answers TwiML; ringing and voicemail answer Callflow JSON (see ringFlow).
 */
export function gatheredHandler(platform: Platform, options: PivotAppOptions = {}): PivotHandler {
  return pivotHandler(platform, loadConfigWithoutCallers, 'gathered', menuAnswer, {
    dialect: 'twiml',
    clock: requestInstant,
    override: overrideLookup(platform, options.settings),
  });
}

/** The gathered function as a Hono app (the all-in-one app, Lambda, tests). */
export function createGatheredApp(platform: Platform, options: PivotAppOptions = {}) {
  return createPivotApp(gatheredHandler(platform, options));
}
