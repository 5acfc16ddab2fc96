// Bounds that keep hostile or broken input from costing unbounded memory or time.
// Real Kazoo requests carry a few dozen parameters, nested two levels at most.

export const MAX_PARAMETERS = 1000;
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_KEY_DEPTH = 32;
export const MAX_PROBLEMS = 50;
/** How much of an odd key name a problem message quotes. */
export const MAX_QUOTED_KEY_LENGTH = 60;
