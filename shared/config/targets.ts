import type { MenuTarget, RingTarget } from './types.js';
import { EnvReader } from './read.js';

const KAZOO_ID = /^[0-9a-f]{32}$/i;

/** A Kazoo document id (32 hex characters), or a problem naming the variable. */
export function kazooId(value: string, variable: string, reader: EnvReader): string | undefined {
  if (KAZOO_ID.test(value)) return value.toLowerCase();
  return reader.problem(variable, `expected a Kazoo id of 32 hex characters, found "${value}"`);
}

/** A dialable number: optional +, then 3 to 15 digits; spaces, dots, dashes and parentheses are dropped. */
export function phoneNumber(value: string, variable: string, reader: EnvReader): string | undefined {
  const compact = value.replace(/[\s().-]/g, '');
  if (/^\+?\d{3,15}$/.test(compact)) return compact;
  return reader.problem(variable, `expected a phone number like +15551234567, found "${value}"`);
}

/** FRONT_DESK_DEVICE_ID / FRONT_DESK_USER_ID / FRONT_DESK_NUMBER: exactly one is expected. */
export function readFrontDesk(reader: EnvReader): RingTarget | undefined {
  const device = reader.text('FRONT_DESK_DEVICE_ID');
  const user = reader.text('FRONT_DESK_USER_ID');
  const number = reader.text('FRONT_DESK_NUMBER');
  const set = [device, user, number].filter((value) => value !== undefined).length;
  if (set > 1) {
    reader.warnings.push(
      'FRONT_DESK_DEVICE_ID, FRONT_DESK_USER_ID and FRONT_DESK_NUMBER: more than one is set; using the first of device, user, number',
    );
  }
  if (device !== undefined) {
    const id = kazooId(device, 'FRONT_DESK_DEVICE_ID', reader);
    return id === undefined ? undefined : { kind: 'device', id };
  }
  if (user !== undefined) {
    const id = kazooId(user, 'FRONT_DESK_USER_ID', reader);
    return id === undefined ? undefined : { kind: 'user', id };
  }
  if (number !== undefined) {
    const dialable = phoneNumber(number, 'FRONT_DESK_NUMBER', reader);
    return dialable === undefined ? undefined : { kind: 'number', number: dialable };
  }
  return undefined;
}

const SYNTAX: Readonly<Record<MenuTarget['kind'], string>> = {
  device: 'device:ID',
  user: 'user:ID',
  number: 'number:+1...',
  voicemail: 'voicemail, voicemail:BOXID',
  'front-desk': 'front-desk',
  hangup: 'hangup',
};

/**
 * `kind:argument` (MENU entries, VIP_TARGET, a lookup's route) as a target of one of `kinds`, or
 * undefined after a problem for `variable` that says `where` (when given) and what was expected.
 */
export function parseTarget<K extends MenuTarget['kind']>(
  text: string,
  variable: string,
  where: string | undefined,
  kinds: readonly K[],
  reader: EnvReader,
): Extract<MenuTarget, { kind: K }> | undefined {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  const prefix = where === undefined ? '' : `${where}: `;
  if ((kinds as readonly string[]).includes(kind)) {
    const scratch = new EnvReader({});
    const target = targetOf(kind as K, colon < 0 ? '' : text.slice(colon + 1).trim(), scratch);
    if (target !== 'mismatch') {
      if (target === undefined) reader.problem(variable, `${prefix}${scratch.problems[0]?.message.replace(/^[^:]*: /, '')}`);
      return target as Extract<MenuTarget, { kind: K }> | undefined;
    }
  }
  const expected = kinds.map((each) => SYNTAX[each]);
  const list = expected.length === 1 ? expected[0] : `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`;
  return reader.problem(variable, `${prefix}expected ${list}, found "${text}"`);
}

/** The target of one kind; `mismatch` when the argument does not fit the kind's syntax at all. */
function targetOf(kind: MenuTarget['kind'], argument: string, scratch: EnvReader): MenuTarget | undefined | 'mismatch' {
  switch (kind) {
    case 'device':
    case 'user': {
      const id = kazooId(argument, kind, scratch);
      return id === undefined ? undefined : { kind, id };
    }
    case 'number': {
      const number = phoneNumber(argument, kind, scratch);
      return number === undefined ? undefined : { kind, number };
    }
    case 'voicemail': {
      if (argument === '') return { kind };
      const boxId = kazooId(argument, kind, scratch);
      return boxId === undefined ? undefined : { kind, boxId };
    }
    case 'front-desk':
    case 'hangup':
      return argument === '' ? { kind } : 'mismatch';
  }
}
