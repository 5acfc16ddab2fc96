import type { Config } from '../config/types.js';
import { MAX_SPOKEN_CHARACTERS, spokenPieces } from '../flows/spoken-pieces.js';
import { MS_PER_DAY } from '../hours/civil.js';
import { formatLocal } from '../hours/local-time.js';
import { stateAt } from '../hours/state.js';
import { offsetAt } from '../hours/zone.js';
import { closedGreeting, PROMPTS } from './context.js';
import { MENU_PROMPTS } from './menu-target.js';
import { businessState, spokenReopening } from './state.js';

/** One thing callers may hear, as Kazoo will be asked to say it. */
export interface SpokenText {
  /** When it is said, e.g. `closed greeting on "Christmas" (Fri 2026-12-25 12:00 EST)`. */
  readonly when: string;
  readonly text: string;
}

function closedAt(config: Config, at: Date): string | undefined {
  const state = businessState(config, at);
  if (!state.known || state.open) return undefined;
  return closedGreeting(config, state.reason, spokenReopening(config, state, at));
}

/**
 * The closed greeting as it will sound: now, or from the next closing, then at local noon of the
 * first day of each holiday reason within a year, `{reason}` and `{next_open}` filled in.
 */
function closedGreetings(config: Config, now: Date): SpokenText[] {
  const zone = config.timeZone;
  if (zone === undefined || config.hours === undefined) return [{ when: 'closed greeting', text: closedGreeting(config, undefined) }];
  const closing = businessState(config, now).known && config.forceState === 'auto' ? stateAt(config.hours, now, zone) : undefined;
  const from = closing?.open === true && closing.nextChange !== null ? closing.nextChange : now;
  const texts: SpokenText[] = [{ when: `closed greeting (${from === now ? 'now' : 'from'} ${formatLocal(from, zone)})`, text: closedAt(config, from) ?? '' }];
  const seen = new Set<string>();
  const today = Math.floor((now.getTime() + offsetAt(zone, now.getTime())) / MS_PER_DAY);
  for (let day = today; day <= today + 366; day++) {
    const noonWall = day * MS_PER_DAY + 12 * 3_600_000;
    const at = new Date(Math.max(now.getTime(), noonWall - offsetAt(zone, noonWall)));
    const state = businessState(config, at);
    if (!state.known || state.open || state.reason === undefined || seen.has(state.reason)) continue;
    seen.add(state.reason);
    texts.push({ when: `closed greeting on "${state.reason}" (${formatLocal(at, zone)})`, text: closedAt(config, at) ?? '' });
  }
  return texts;
}

/** When each built-in prompt is said (a prompt added later is listed under its key). */
const PROMPT_OCCASIONS: Readonly<Record<string, string>> = {
  unanswered: 'nobody answers',
  recorded: 'after a message',
  apology: 'when the call cannot go where configured',
  speakNow: 'before our own recording',
  timeUp: 'a message at the time limit',
  noRecording: 'when no message can be taken',
};

/** Every text callers may hear with this config, in the order a call meets them. */
export function spokenTexts(config: Config, now: Date): SpokenText[] {
  const texts: SpokenText[] = [{ when: 'open greeting', text: config.greetingOpen }, ...closedGreetings(config, now)];
  if (config.menu !== undefined) {
    texts.push(
      { when: 'menu prompt', text: config.menu.prompt },
      { when: 'menu, no key pressed', text: `${MENU_PROMPTS.noInput} ${config.menu.prompt}` },
      { when: 'menu, a key that is not a choice', text: `${MENU_PROMPTS.invalid} ${config.menu.prompt}` },
      { when: 'menu, after the last try', text: MENU_PROMPTS.givingUp },
      { when: 'menu, before ringing', text: MENU_PROMPTS.connecting },
      { when: 'menu, before our own recording', text: MENU_PROMPTS.leaveMessage },
      { when: 'menu, hanging up', text: MENU_PROMPTS.goodbye },
    );
  }
  for (const [key, text] of Object.entries(PROMPTS)) texts.push({ when: PROMPT_OCCASIONS[key] ?? key, text });
  return texts;
}

/** `check-config`'s block: each text verbatim, with how many tts nodes a long one takes. */
export function formatSpokenTexts(config: Config, now: Date): string {
  const lines = [`What callers hear (TTS_LANGUAGE=${config.language}, TTS_VOICE=${config.voice}):`];
  for (const { when, text } of spokenTexts(config, now)) {
    const parts = spokenPieces(text).length;
    const note = parts > 1 ? ` (over ${MAX_SPOKEN_CHARACTERS} characters: said in ${parts} parts)` : '';
    lines.push(`  ${when}: ${text === '' ? '(nothing: turned off)' : JSON.stringify(text)}${note}`);
  }
  return lines.join('\n');
}
