import type { MenuTarget } from './types.js';
import { EnvReader } from './read.js';
import { kazooId, phoneNumber } from './targets.js';

// `#` ends input in both collect_dtmf and <Gather>, so it can never be a choice.
const DIGIT = /^[0-9*]$/;

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
    const target = parseTarget(text, where, reader);
    if (target === undefined) return undefined;
    entries.set(digit, target);
  }
  if (entries.size === 0) return reader.problem('MENU', 'expected at least one entry like "1=device:ID"');
  return { entries, labels };
}

function parseTarget(text: string, where: string, reader: EnvReader): MenuTarget | undefined {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  const argument = colon < 0 ? '' : text.slice(colon + 1).trim();
  const scratch = new EnvReader({});
  const checked = (value: string | undefined): string | undefined => {
    if (value === undefined) reader.problem('MENU', `${where}: ${scratch.problems[0]?.message.replace(/^MENU: /, '')}`);
    return value;
  };
  switch (kind) {
    case 'device':
    case 'user': {
      const id = checked(kazooId(argument, 'MENU', scratch));
      return id === undefined ? undefined : { kind, id };
    }
    case 'number': {
      const number = checked(phoneNumber(argument, 'MENU', scratch));
      return number === undefined ? undefined : { kind: 'number', number };
    }
    case 'voicemail': {
      if (argument === '') return { kind: 'voicemail' };
      const boxId = checked(kazooId(argument, 'MENU', scratch));
      return boxId === undefined ? undefined : { kind: 'voicemail', boxId };
    }
    case 'front-desk':
    case 'hangup':
      if (argument === '') return { kind };
  }
  return reader.problem(
    'MENU',
    `${where}: expected device:ID, user:ID, number:+1..., voicemail, voicemail:BOXID, front-desk or hangup, found "${text}"`,
  );
}
