/**
 * A caller's number after normalising: an E.164 number, an anonymous caller, or something that
 * is not a number we can place (an extension, a SIP user name, a national number without
 * DEFAULT_COUNTRY_CODE). Only `number` ever matches a listed number.
 */
export type CallerNumber =
  | { readonly kind: 'number'; readonly e164: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'internal' };

// Kazoo's own anonymous caller ids (kz_privacy DEFAULT_ANONYMOUS_VALUES), plus what carriers send.
const ANONYMOUS = new Set(['anonymous', 'restricted', 'private', 'unknown', 'unavailable', 'withheld']);
const E164 = /^\+[1-9]\d{6,14}$/;
const NANP = /^1?[2-9]\d{2}[2-9]\d{6}$/;
// Fewer digits than this without a prefix is an extension (Kazoo's reconcile_regex examples agree).
const SHORTEST_NATIONAL = 6;
// Italy keeps its leading 0 after the country code.
const KEEPS_TRUNK_ZERO = new Set(['39']);

const ANONYMOUS_CALLER: CallerNumber = { kind: 'anonymous' };
const INTERNAL_CALLER: CallerNumber = { kind: 'internal' };

/**
 * The one number normaliser: caller ids, VIP_NUMBERS and BLOCKED_NUMBERS all go through it.
 * `countryCode` (DEFAULT_COUNTRY_CODE, digits only) places national numbers; without it only
 * numbers written with `+` or `00` can be placed.
 */
export function normaliseNumber(raw: string | undefined, countryCode?: string): CallerNumber {
  const text = (raw ?? '').trim();
  if (text === '' || ANONYMOUS.has(text.toLowerCase())) return ANONYMOUS_CALLER;
  const compact = text.replace(/^tel:/i, '').replace(/[\s().\-/]/g, '');
  if (!/^\+?\d+$/.test(compact)) return INTERNAL_CALLER;
  if (/^\+?0{4,}$/.test(compact)) return ANONYMOUS_CALLER;
  const e164 = international(compact, countryCode);
  return e164 !== undefined && E164.test(e164) ? { kind: 'number', e164 } : INTERNAL_CALLER;
}

function international(digits: string, countryCode: string | undefined): string | undefined {
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (countryCode === undefined || digits.length < SHORTEST_NATIONAL) return undefined;
  if (countryCode === '1') {
    if (digits.startsWith('011')) return `+${digits.slice(3)}`;
    return NANP.test(digits) ? `+${digits.length === 10 ? '1' : ''}${digits}` : undefined;
  }
  if (digits.startsWith('0')) return `+${countryCode}${KEEPS_TRUNK_ZERO.has(countryCode) ? digits : digits.slice(1)}`;
  // Some carriers send international numbers without the +: the country code and a full national number.
  if (digits.startsWith(countryCode) && digits.length - countryCode.length >= 9) return `+${digits}`;
  return `+${countryCode}${digits}`;
}
