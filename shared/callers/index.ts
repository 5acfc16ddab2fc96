export { parseAnswer, type LookupAnswer, type LookupFailure, type LookupResult } from './answer.js';
export { layeredCache, memoryCache, type TtlCache } from './cache.js';
export { callerRule, identifyCaller, lookupQuery, type Caller } from './caller.js';
export { callerLookup, type CallerLookup, type LookupOutcome, type LookupQuery } from './lookup.js';
export { normaliseNumber, type CallerNumber } from './number.js';
export { parseRoute, routeName, type CallerRoute } from './route.js';
export { cleanText, cutCodePoints, withCallerName, withSay } from './spoken.js';
