export { closedGreeting, PROMPTS, speechOf, withQuery, type CallContext } from './context.js';
export { businessState, type BusinessState } from './state.js';
export { fallbackFlow } from './fallback.js';
export { afterDialFlow, AFTER_DIAL, dialTarget, ringAction, ringFlow } from './ring.js';
export { goodbyeFlow, recordAction, recordVerbs, voicemailFlow } from './voicemail.js';
export { menuFlow, MENU_COLLECTION } from './menu.js';
export { menuAnswer, type MenuRequest } from './menu-answer.js';
export { rejectFlow } from './reject.js';
