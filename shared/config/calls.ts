import { DEFAULT_GREETING_CLOSED, DEFAULT_GREETING_OPEN, MAX_RECORDING_SECONDS, RECORDING_LIMIT_WHY } from './defaults.js';
import { readMenu } from './menu-config.js';
import type { EnvReader } from './read.js';
import { kazooId, readFrontDesk } from './targets.js';
import type { Config } from './types.js';

/** How calls are answered: what only the functions answering calls read. */
export type CallSettings = Pick<
  Config,
  'forceState' | 'responseFormat' | 'frontDesk' | 'ringTimeout' | 'voicemailBoxId' | 'greetingOpen' | 'greetingClosed' | 'menu' | 'recordingFormat' | 'maxRecordingSeconds'
>;

/** Reads how calls are answered; injected so `recordings`, which answers none but with its goodbye, bundles none of it (not the menu parser either). */
export type CallsReader = (read: EnvReader) => CallSettings;

/** FORCE_STATE, RESPONSE_FORMAT, who rings (FRONT_DESK_*, MENU), the greetings and our own voicemail, validated, in the README's order. */
export const readCalls: CallsReader = (read) => {
  const forceState = read.choice('FORCE_STATE', ['auto', 'open', 'closed'], 'auto');
  const responseFormat = read.choice('RESPONSE_FORMAT', ['callflow', 'twiml', 'auto'], 'callflow');
  const frontDesk = readFrontDesk(read);
  const ringTimeout = read.integer('RING_TIMEOUT', 5, 600, 20);
  const boxText = read.text('VOICEMAIL_BOX_ID');
  const voicemailBoxId = boxText === undefined ? undefined : kazooId(boxText, 'VOICEMAIL_BOX_ID', read);
  const greetingOpen = greeting(read.text('GREETING_OPEN'), DEFAULT_GREETING_OPEN);
  const greetingClosed = greeting(read.text('GREETING_CLOSED'), DEFAULT_GREETING_CLOSED);
  const menu = readMenu(read);
  if (frontDesk === undefined && menu === undefined) {
    read.warnings.push('no FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID, FRONT_DESK_NUMBER or MENU: open-hours calls get the fallback (voicemail)');
  }
  return {
    forceState,
    responseFormat,
    ...(frontDesk === undefined ? {} : { frontDesk }),
    ringTimeout,
    ...(voicemailBoxId === undefined ? {} : { voicemailBoxId }),
    greetingOpen,
    greetingClosed,
    ...(menu === undefined ? {} : { menu }),
    recordingFormat: read.choice('RECORDING_FORMAT', ['mp3', 'wav'], 'mp3'),
    maxRecordingSeconds: read.integer('MAX_RECORDING_SECONDS', 5, MAX_RECORDING_SECONDS, 300, RECORDING_LIMIT_WHY),
  };
};

/** A greeting; `none` turns it off (an empty value counts as unset, as deploy tools set empty defaults). */
function greeting(text: string | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  return text.toLowerCase() === 'none' ? '' : text;
}
