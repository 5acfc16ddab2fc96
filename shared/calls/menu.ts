import type { Endpoint } from '../config/types.js';
import { PivotEdgeError } from '../errors.js';
import { callflow, twiml, type Flow } from '../flows/index.js';
import { refusedHost, speechOf, withQuery, type CallContext } from './context.js';
import { fallbackAction } from './fallback.js';

/** Collection name of our menu digits: they arrive as `Digits[menu]=1`. */
export const MENU_COLLECTION = 'menu';
/** Query names of the menu URLs we hand out: state travels there because Pivot keeps none. */
export const MENU_QUERY = { attempt: 'attempt', input: 'input' } as const;
/** `input=none` marks the `<Redirect>` that runs only when `<Gather>` got no key. */
export const NO_INPUT = 'none';
const FIRST_DIGIT_TIMEOUT_SECONDS = 5;

/**
 * Say `prompt` and collect one key; `attempt` (0 first) travels in the URL.
 * Callflow: tts, then collect_dtmf, then a pivot child to COLLECTED_URL. A key pressed during the
 * tts stops it and lands in the `default` collection, which collect_dtmf takes as its first digit
 * (cf_collect_dtmf "early DTMF"), so early presses count. TwiML: the prompt nested in `<Gather>`.
 */
export function menuFlow(context: CallContext, prompt: string, attempt: number): Flow {
  const speech = speechOf(context.config);
  const query = { [MENU_QUERY.attempt]: String(attempt) };
  if (context.dialect === 'callflow') {
    // If collected cannot answer (down, 4xx/5xx, timeout), Kazoo runs the pivot node's `_` child:
    // the general fallback then, rather than hanging up.
    const next = callflow.pivot(withQuery(menuUrl(context, 'collected'), query), fallbackAction(context));
    const collect = callflow.collectDtmf({ collectionName: MENU_COLLECTION, maxDigits: 1, timeoutMs: FIRST_DIGIT_TIMEOUT_SECONDS * 1000 }, next);
    return { dialect: 'callflow', action: callflow.tts(prompt, speech, collect) };
  }
  const action = withQuery(menuUrl(context, 'gathered'), query);
  // With no key Kazoo's <Gather> moves on without a request; the Redirect says so explicitly,
  // because Kazoo may resend the Digits of an earlier <Gather> with it.
  const noInput = withQuery(action, { [MENU_QUERY.input]: NO_INPUT });
  const gather = twiml.gather(action, 1, FIRST_DIGIT_TIMEOUT_SECONDS, [twiml.say(prompt, speech)]);
  return { dialect: 'twiml', verbs: [gather, twiml.redirect(noInput)] };
}

const VARIABLES = { collected: 'COLLECTED_URL', gathered: 'GATHERED_URL' } as const;

/** The sibling URL the menu hands out, or an error (so the caller gets the fallback, not a hang-up). */
function menuUrl(context: CallContext, endpoint: Extract<Endpoint, 'collected' | 'gathered'>): string {
  const variable = VARIABLES[endpoint];
  if (context.config.problems.some((problem) => problem.variable === variable)) {
    throw new PivotEdgeError('config_invalid', `${variable} is invalid, so the menu cannot be offered`);
  }
  const host = refusedHost(context, endpoint);
  // Callflow JSON with such a URL fails Kazoo's validation; TwiML URLs are not validated.
  if (context.dialect === 'callflow' && host !== undefined) {
    throw new PivotEdgeError('config_invalid', `the ${endpoint} URL is on ${host}, which Kazoo refuses: set PUBLIC_BASE_URL or ${variable}`);
  }
  return context.urls[endpoint];
}
