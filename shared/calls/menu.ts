import { callflow, twiml, type Flow } from '../flows/index.js';
import { speechOf, withQuery, type CallContext } from './context.js';

/** Collection name of our menu digits: they arrive as `Digits[menu]=1`. */
export const MENU_COLLECTION = 'menu';
const FIRST_DIGIT_TIMEOUT_SECONDS = 5;

/** Present MENU_PROMPT and collect one digit; `attempt` (0 first) travels in the URL. */
export function menuFlow(context: CallContext, prompt: string, attempt: number): Flow {
  const speech = speechOf(context.config);
  const query = { attempt: String(attempt) };
  if (context.dialect === 'callflow') {
    const next = callflow.pivot(withQuery(context.urls.collected, query));
    const collect = callflow.collectDtmf({ collectionName: MENU_COLLECTION, maxDigits: 1, timeoutMs: FIRST_DIGIT_TIMEOUT_SECONDS * 1000 }, next);
    return { dialect: 'callflow', action: callflow.tts(prompt, speech, collect) };
  }
  // The Redirect runs only when no key was pressed: Kazoo's <Gather> then moves on without a request.
  const action = withQuery(context.urls.gathered, query);
  const gather = twiml.gather(action, 1, FIRST_DIGIT_TIMEOUT_SECONDS, [twiml.say(prompt, speech)]);
  return { dialect: 'twiml', verbs: [gather, twiml.redirect(action)] };
}
