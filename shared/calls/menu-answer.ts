import type { PivotRequest } from '../adapter/index.js';
import { PivotEdgeError } from '../errors.js';
import type { Flow } from '../flows/index.js';
import { closedGreeting, type CallContext } from './context.js';
import { MENU_QUERY, menuFlow, NO_INPUT } from './menu.js';
import { noteState } from './notes.js';
import { menuAttempt, pressedKey } from './menu-input.js';
import { MENU_PROMPTS, menuFallbackFlow, targetFlow } from './menu-target.js';
import { businessState } from './state.js';
import { voicemailFlow } from './voicemail.js';

/** A request to `collected` or `gathered` (structurally the PivotCall of shared/http). */
export interface MenuRequest {
  readonly context: CallContext;
  readonly request: PivotRequest;
  readonly now: Date;
  /** A query parameter of the URL we handed out (`attempt`, `input`). */
  readonly query: (name: string) => string | undefined;
  /** Adds a fact about the decision to the request's log line (see PivotCall.note). */
  readonly note: (key: string, value: string) => void;
}

/**
 * The shared routing core of `collected` and `gathered`, answering in `context.dialect`:
 * closed now → the closed flow; a valid key → its target; no or an unknown key → say so and
 * re-prompt until MENU_RETRIES re-prompts are used up → the menu fallback. Unknown hours or a
 * missing/bad MENU throw, and the route answers the general fallback.
 */
export function menuAnswer({ context, request, now, query, note }: MenuRequest): Flow {
  const { config } = context;
  const state = businessState(config, now);
  noteState(note, state);
  if (!state.known) throw new PivotEdgeError('config_invalid', state.why);
  // A caller who waited in the menu past closing gets what front-desk would answer now.
  if (!state.open) return voicemailFlow(context, closedGreeting(config, state.reason));
  const menu = config.menu;
  if (menu === undefined) {
    const problem = config.problems.find((found) => found.variable === 'MENU');
    throw new PivotEdgeError('config_invalid', problem?.message ?? 'a menu choice arrived, but MENU is not set');
  }
  const key = query(MENU_QUERY.input) === NO_INPUT ? undefined : pressedKey(request);
  note('menu', key ?? 'none');
  const target = key === undefined ? undefined : menu.entries.get(key);
  if (target !== undefined) return targetFlow(context, target);
  const attempt = menuAttempt(query(MENU_QUERY.attempt));
  if (attempt >= menu.retries) return menuFallbackFlow(context);
  const why = key === undefined ? MENU_PROMPTS.noInput : MENU_PROMPTS.invalid;
  return menuFlow(context, `${why} ${menu.prompt}`, attempt + 1);
}
