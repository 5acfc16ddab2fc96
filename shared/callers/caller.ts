import type { PivotRequest } from '../adapter/index.js';
import type { CallersConfig } from '../config/types.js';
import type { LookupQuery } from './lookup.js';
import { normaliseNumber, type CallerNumber } from './number.js';
import { cleanText } from './spoken.js';

/** Who is calling, as the Pivot request says. */
export interface Caller {
  readonly number: CallerNumber;
  /** Caller-ID-Number / CallerNumber as it arrived (cleaned, capped). */
  readonly asSent?: string;
  readonly name?: string;
}

// Values from the request are passed on to the lookup: capped and stripped like voicemail metadata.
const FIELD_MAX_CHARACTERS = 100;

export function identifyCaller(request: PivotRequest, callers: CallersConfig): Caller {
  const asSent = field(request.callerIdNumber);
  const name = field(request.callerIdName);
  return {
    number: normaliseNumber(request.callerIdNumber, callers.countryCode),
    ...(asSent === null ? {} : { asSent }),
    ...(name === null ? {} : { name }),
  };
}

/** The owner's own lists, in their documented order: blocked first, then VIP. */
export function callerRule(caller: Caller, callers: CallersConfig): 'blocked' | 'vip' | undefined {
  const { number } = caller;
  if (number.kind === 'anonymous') return callers.blockAnonymous ? 'blocked' : undefined;
  if (number.kind !== 'number') return undefined;
  if (callers.blockedNumbers.has(number.e164)) return 'blocked';
  return callers.vipNumbers.has(number.e164) ? 'vip' : undefined;
}

/** The lookup's parameters for this call; `state` is the business state before any caller rule. */
export function lookupQuery(
  caller: Caller,
  request: PivotRequest,
  state: { readonly known: false } | { readonly known: true; readonly open: boolean; readonly reason?: string },
): LookupQuery {
  return {
    caller_number: caller.number.kind === 'number' ? caller.number.e164 : null,
    caller_number_as_sent: caller.asSent ?? null,
    caller_name: caller.name ?? null,
    dialled: field(request.to ?? request.requestUser),
    call_id: field(request.callId),
    state: !state.known ? 'unknown' : state.open ? 'open' : 'closed',
    reason: state.known ? field(state.reason) : null,
  };
}

function field(value: string | undefined): string | null {
  const cleaned = value === undefined ? '' : cleanText(value, FIELD_MAX_CHARACTERS);
  return cleaned === '' ? null : cleaned;
}
