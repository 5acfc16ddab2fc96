import type { MenuConfig, MenuTarget } from './types.js';
import { parseMenuEntries } from './menu.js';
import type { EnvReader } from './read.js';

/** MENU, MENU_PROMPT and MENU_RETRIES; undefined when MENU is unset or invalid. */
export function readMenu(read: EnvReader): MenuConfig | undefined {
  const source = read.text('MENU');
  if (source === undefined) return undefined;
  const parsed = parseMenuEntries(source, read);
  const retries = read.integer('MENU_RETRIES', 0, 5, 2);
  if (parsed === undefined) return undefined;
  const { entries, labels } = parsed;
  const written = read.text('MENU_PROMPT');
  const prompt = written ?? defaultPrompt(entries, labels, (warning) => read.warnings.push(warning));
  return Object.freeze({ entries, labels, prompt, retries });
}

/** What pressing the key does, as the prompt says it. */
function spokenAction(target: MenuTarget, label: string | undefined): string {
  switch (target.kind) {
    case 'voicemail':
      return label === undefined ? 'to leave a message' : `to leave a message for ${label}`;
    case 'hangup':
      return label === undefined ? 'to end this call' : `for ${label}`;
    case 'front-desk':
      return `for ${label ?? 'the front desk'}`;
    default:
      return label === undefined ? 'to speak to someone' : `for ${label}`;
  }
}

const spokenKey = (digit: string): string => (digit === '*' ? 'star' : digit);
const spokenList = (keys: readonly string[]): string => (keys.length === 1 ? keys[0] ?? '' : `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`);

/**
 * "Press 1 for Sales. Press 2 or 3 to speak to someone. Press 9 to leave a message." Keys doing
 * what sounds the same are said together, and the owner is told to name them apart.
 */
function defaultPrompt(entries: ReadonlyMap<string, MenuTarget>, labels: ReadonlyMap<string, string>, warn: (warning: string) => void): string {
  const keysByAction = new Map<string, string[]>();
  for (const [digit, target] of entries) {
    const action = spokenAction(target, labels.get(digit));
    keysByAction.set(action, [...(keysByAction.get(action) ?? []), digit]);
  }
  const sentences: string[] = [];
  for (const [action, keys] of keysByAction) {
    sentences.push(`Press ${spokenList(keys.map(spokenKey))} ${action}.`);
    if (keys.length > 1) {
      const which = keys.length === 2 ? `${keys[0]} and ${keys[1]} both` : `${keys.join(', ')} all`;
      warn(`MENU: keys ${which} say "${action}" in the spoken menu, so callers cannot tell them apart; name each one after its target, e.g. ${keys[0]}=<target> "Sales", or write MENU_PROMPT`);
    }
  }
  return sentences.join(' ');
}
