import type { MenuTarget } from './types.js';
import type { EnvReader } from './read.js';
import { parseTarget } from './targets.js';

// `#` ends input in both collect_dtmf and <Gather>, so it can never be a choice.
const DIGIT = /^[0-9*]$/;
const MENU_KINDS: readonly MenuTarget['kind'][] = ['device', 'user', 'number', 'voicemail', 'front-desk', 'hangup'];

/** MENU's entries by key, and the spoken names some of them carry (`1=device:ID "Sales"`). */
export interface MenuEntries {
  readonly entries: Map<string, MenuTarget>;
  readonly labels: Map<string, string>;
}

/**
 * Parse MENU (`1=device:ID "Sales"; 2=user:ID; 3=number:+15551234567; 9=voicemail; 0=front-desk`).
 * Returns the entries, or undefined after recording a problem that names the entry and its position.
 */
export function parseMenuEntries(source: string, reader: EnvReader): MenuEntries | undefined {
  const entries = new Map<string, MenuTarget>();
  const labels = new Map<string, string>();
  let position = 0;
  for (const rawEntry of source.split(';')) {
    const start = position + (rawEntry.length - rawEntry.trimStart().length);
    position += rawEntry.length + 1;
    const entry = rawEntry.trim();
    if (entry === '') continue;
    const where = `entry "${entry}" at position ${start}`;
    const equals = entry.indexOf('=');
    const digit = equals < 0 ? entry : entry.slice(0, equals).trim();
    if (equals < 0 || !DIGIT.test(digit)) {
      return reader.problem('MENU', `${where}: expected a key 0-9 or * followed by "=", like "1=device:ID" (# ends input, so it cannot be a choice)`);
    }
    if (entries.has(digit)) return reader.problem('MENU', `${where}: key ${digit} is already used`);
    let text = entry.slice(equals + 1).trim();
    if (text.endsWith('"')) {
      const open = text.lastIndexOf('"', text.length - 2);
      const label = text.slice(open + 1, -1).trim();
      if (open < 0 || label === '') return reader.problem('MENU', `${where}: expected a name between two quotes after the target, like 1=device:ID "Sales"`);
      labels.set(digit, label);
      text = text.slice(0, open).trim();
    }
    const target = parseTarget(text, 'MENU', where, MENU_KINDS, reader);
    if (target === undefined) return undefined;
    entries.set(digit, target);
  }
  if (entries.size === 0) return reader.problem('MENU', 'expected at least one entry like "1=device:ID"');
  return { entries, labels };
}
