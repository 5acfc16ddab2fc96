import { afterDialFlow, AFTER_DIAL, businessState, closedGreeting, menuFlow, noteState, ringFlow, voicemailFlow } from '../../shared/calls/index.js';
import { PivotEdgeError } from '../../shared/errors.js';
import type { Flow } from '../../shared/flows/index.js';
import type { PivotCall } from '../../shared/http/index.js';

/**
 * front-desk: open → the menu, or ring the front desk (voicemail when unanswered);
 * closed → the closed greeting and voicemail. Unknown state or nobody to ring → fallback.
 */
export function answerFrontDesk({ context, request, now, query, note }: PivotCall): Flow {
  if (query('step') === AFTER_DIAL.step) {
    note('dial', request.dialCallStatus ?? 'none');
    return afterDialFlow(context, request.dialCallStatus);
  }
  const { config } = context;
  const state = businessState(config, now);
  noteState(note, state);
  if (!state.known) throw new PivotEdgeError('config_invalid', state.why);
  if (!state.open) return voicemailFlow(context, closedGreeting(config, state.reason));
  if (config.menu !== undefined) return menuFlow(context, config.menu.prompt, 0);
  const menuProblem = config.problems.find((problem) => problem.variable === 'MENU');
  if (menuProblem !== undefined) throw new PivotEdgeError('config_invalid', menuProblem.message);
  if (config.frontDesk === undefined) {
    throw new PivotEdgeError('config_invalid', 'open, but none of FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID, FRONT_DESK_NUMBER is set');
  }
  return ringFlow(context, config.frontDesk, config.greetingOpen);
}
