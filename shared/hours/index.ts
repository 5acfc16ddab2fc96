export type { HoursState, Schedule } from './types.js';
export { parseHours } from './advice/advised.js';
export { parseHoursWith, type HoursAdvisor } from './parse.js';
export { stateAt } from './state.js';
export { explainHours } from './explain.js';
export { summarizeHours } from './summary.js';
export { formatHoursError } from './format-error.js';
export { nextOpening, spokenNextOpen } from './spoken-time.js';
