import type { MenuConfig, MenuTarget } from './types.js';
import { parseMenuEntries } from './menu.js';
import type { EnvReader } from './read.js';

/** MENU, MENU_PROMPT and MENU_RETRIES; undefined when MENU is unset or invalid. */
export function readMenu(read: EnvReader): MenuConfig | undefined {
  const source = read.text('MENU');
  if (source === undefined) return undefined;
  const entries = parseMenuEntries(source, read);
  const retries = read.integer('MENU_RETRIES', 0, 5, 2);
  if (entries === undefined) return undefined;
  return Object.freeze({ entries, prompt: read.text('MENU_PROMPT') ?? defaultPrompt(entries), retries });
}

const SPOKEN: Readonly<Record<MenuTarget['kind'], string>> = {
  device: '',
  user: '',
  number: '',
  voicemail: 'to leave a message',
  'front-desk': 'for the front desk',
  hangup: 'to end this call',
};

/** "Press 1, 2 or 3. Press 0 for the front desk. Press 9 to leave a message." */
function defaultPrompt(entries: ReadonlyMap<string, MenuTarget>): string {
  const plain = [...entries].filter(([, target]) => SPOKEN[target.kind] === '').map(([digit]) => digit);
  const sentences: string[] = [];
  if (plain.length > 0) {
    const list = plain.length === 1 ? plain[0] : `${plain.slice(0, -1).join(', ')} or ${plain.at(-1)}`;
    sentences.push(`Please press ${list}.`);
  }
  for (const [digit, target] of entries) {
    if (SPOKEN[target.kind] !== '') sentences.push(`Press ${spokenKey(digit)} ${SPOKEN[target.kind]}.`);
  }
  return sentences.join(' ');
}

function spokenKey(digit: string): string {
  return digit === '*' ? 'star' : digit === '#' ? 'pound' : digit;
}
