import { normaliseNumber } from '../callers/number.js';
import { readLookup } from './caller-lookup.js';
import type { EnvReader } from './read.js';
import { parseTarget } from './targets.js';
import type { CallersConfig, RingTarget } from './types.js';

/** DEFAULT_COUNTRY_CODE, VIP_NUMBERS, VIP_TARGET, BLOCKED_NUMBERS, BLOCK_ANONYMOUS and CALLER_LOOKUP_*. */
export function readCallers(read: EnvReader, frontDesk: RingTarget | undefined): CallersConfig {
  const countryCode = readCountryCode(read);
  const vipNumbers = readNumbers(read, 'VIP_NUMBERS', countryCode);
  const blockedNumbers = readNumbers(read, 'BLOCKED_NUMBERS', countryCode);
  const vipTarget = readVipTarget(read);
  const lookup = readLookup(read);
  for (const number of vipNumbers) {
    if (blockedNumbers.has(number)) read.warnings.push(`${number} is in both VIP_NUMBERS and BLOCKED_NUMBERS: blocked wins`);
  }
  if (vipNumbers.size > 0 && vipTarget === undefined && frontDesk === undefined) {
    read.warnings.push('VIP_NUMBERS is set, but neither VIP_TARGET nor a FRONT_DESK_* is: VIPs get the normal flow');
  }
  if (countryCode === undefined && vipNumbers.size + blockedNumbers.size > 0) {
    read.warnings.push('DEFAULT_COUNTRY_CODE is unset: callers whose number arrives without + or 00 (e.g. 4155550100) match no VIP or blocked number');
  }
  return Object.freeze({
    ...(countryCode === undefined ? {} : { countryCode }),
    vipNumbers,
    ...(vipTarget === undefined ? {} : { vipTarget }),
    blockedNumbers,
    blockAnonymous: read.choice('BLOCK_ANONYMOUS', ['true', 'false'], 'false') === 'true',
    ...(lookup === undefined ? {} : { lookup }),
  });
}

function readCountryCode(read: EnvReader): string | undefined {
  const raw = read.text('DEFAULT_COUNTRY_CODE');
  if (raw === undefined) return undefined;
  const digits = raw.replace(/^\+/, '');
  if (/^[1-9]\d{0,2}$/.test(digits)) return digits;
  return read.problem('DEFAULT_COUNTRY_CODE', `expected a country calling code of 1 to 3 digits like 1 or 44, found "${raw}"`);
}

/**
 * A list of numbers separated by commas, semicolons or new lines, each normalised to E.164. A bad
 * entry is a problem naming its position; the good ones are kept (a typo must not unblock everyone).
 */
function readNumbers(read: EnvReader, variable: string, countryCode: string | undefined): ReadonlySet<string> {
  const numbers = new Set<string>();
  let position = 0;
  for (const raw of (read.text(variable) ?? '').split(/[,;\n]/)) {
    const start = position + (raw.length - raw.trimStart().length);
    position += raw.length + 1;
    const entry = raw.trim();
    if (entry === '') continue;
    const number = normaliseNumber(entry, countryCode);
    if (number.kind === 'number') numbers.add(number.e164);
    else {
      const hint = countryCode === undefined ? ', or set DEFAULT_COUNTRY_CODE for national numbers' : '';
      read.problem(variable, `entry "${entry}" at position ${start}: expected a phone number like +14155550100${hint}`);
    }
  }
  return numbers;
}

/** VIP_TARGET: device:ID, user:ID, number:+1... or front-desk (the default). */
function readVipTarget(read: EnvReader): RingTarget | undefined {
  const raw = read.text('VIP_TARGET');
  if (raw === undefined) return undefined;
  const target = parseTarget(raw, 'VIP_TARGET', undefined, ['device', 'user', 'number', 'front-desk'], read);
  return target === undefined || target.kind === 'front-desk' ? undefined : target;
}
