import type { MenuTarget } from '../config/types.js';
import { PivotEdgeError } from '../errors.js';
import type { Flow } from '../flows/index.js';
import type { CallContext } from './context.js';
import { ringFlow } from './ring.js';
import { goodbyeFlow, voicemailFlow } from './voicemail.js';

export const MENU_PROMPTS = {
  connecting: 'Please hold while we connect you.',
  leaveMessage: 'Please leave a message.',
  goodbye: 'Thank you for calling. Goodbye.',
  noInput: 'Sorry, we did not hear a choice.',
  invalid: 'Sorry, that is not one of the choices.',
  givingUp: 'Sorry, we did not get a choice.',
} as const;

/**
 * Send the call to a menu target, after `lead` (said first, may be empty). Device, user and
 * number ring for RING_TIMEOUT and fall to voicemail, exactly like front-desk. Ringing and
 * voicemail answer Callflow JSON in either dialect. `key` is the key pressed (none: the menu gave up).
 */
export function targetFlow(context: CallContext, target: MenuTarget, lead = '', key?: string): Flow {
  const { config } = context;
  switch (target.kind) {
    case 'device':
    case 'user':
    case 'number':
      return ringFlow(context, target, sentence(lead, MENU_PROMPTS.connecting));
    case 'front-desk':
      if (config.frontDesk === undefined) {
        throw new PivotEdgeError('config_invalid', 'MENU names front-desk, but none of FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID, FRONT_DESK_NUMBER is set');
      }
      return ringFlow(context, config.frontDesk, sentence(lead, MENU_PROMPTS.connecting));
    case 'voicemail': {
      const boxId = target.boxId ?? config.voicemailBoxId;
      // A Kazoo box plays its own greeting; our own recording needs the invitation.
      const reason = { kind: 'menu', detail: key ?? 'no choice' } as const;
      return voicemailFlow(context, sentence(lead, boxId === undefined ? MENU_PROMPTS.leaveMessage : ''), reason, boxId);
    }
    case 'hangup':
      return goodbyeFlow(context, sentence(lead, MENU_PROMPTS.goodbye));
  }
}

const FRONT_DESK: MenuTarget = { kind: 'front-desk' };
const VOICEMAIL: MenuTarget = { kind: 'voicemail' };

/** Where a caller goes after MENU_RETRIES re-prompts: key 0's target, else the front desk, else voicemail. */
export function menuFallbackFlow(context: CallContext): Flow {
  const { config } = context;
  const target = config.menu?.entries.get('0') ?? (config.frontDesk === undefined ? VOICEMAIL : FRONT_DESK);
  return targetFlow(context, target, MENU_PROMPTS.givingUp);
}

function sentence(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}
