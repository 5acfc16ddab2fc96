export type { HoursState, Schedule } from './types.js';
export { parseHours } from './parse.js';
export { stateAt } from './state.js';
export { explainHours } from './explain.js';
export { summarizeHours } from './summary.js';
export { formatHoursError } from './format-error.js';
