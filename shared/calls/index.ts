export { closedGreeting, PROMPTS, speechOf, withQuery, type CallContext } from './context.js';
export { businessState, callState, spokenReopening, type BusinessState } from './state.js';
export { fallbackAction, fallbackFlow } from './fallback.js';
export { afterDialFlow, AFTER_DIAL, ringAction, ringFlow } from './ring.js';
export { goodbyeFlow, voicemailAction, voicemailFlow } from './voicemail.js';
export { callerFacts, closedReason, closedStateReason, recordingUrl, type CallerFacts, type VoicemailReason } from './voicemail-url.js';
export { menuFlow, MENU_COLLECTION } from './menu.js';
export { menuAnswer, type MenuRequest } from './menu-answer.js';
export { rejectFlow } from './reject.js';
