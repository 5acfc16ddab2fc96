import type { RingTarget } from './types.js';
import type { EnvReader } from './read.js';

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
