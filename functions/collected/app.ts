import { menuAnswer } from '../../shared/calls/index.js';
import { loadConfigWithoutCallers } from '../../shared/config/without-callers.js';
import { createPivotApp, overrideLookup, pivotHandler, requestInstant, type PivotAppOptions, type PivotHandler, type Platform } from '../../shared/http/index.js';

/**
 * The collected function: routes a menu choice made through collect_dtmf. It is requested by the
 * pivot child of our own collect_dtmf, so it always answers Callflow JSON.
 */
export function collectedHandler(platform: Platform, options: PivotAppOptions = {}): PivotHandler {
  return pivotHandler(platform, loadConfigWithoutCallers, 'collected', menuAnswer, {
    dialect: 'callflow',
    clock: requestInstant,
    override: overrideLookup(platform, options.settings),
  });
}

/** The collected function as a Hono app (the all-in-one app, Lambda, tests). */
export function createCollectedApp(platform: Platform, options: PivotAppOptions = {}) {
  return createPivotApp(collectedHandler(platform, options));
}
