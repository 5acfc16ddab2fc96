import { describe, expect, it } from 'vitest';
import { normaliseNumber } from '../../shared/callers/number.js';

const number = (e164: string) => ({ kind: 'number', e164 });
const ANONYMOUS = { kind: 'anonymous' };
const INTERNAL = { kind: 'internal' };

describe('normaliseNumber: one normaliser for caller ids and the lists', () => {
  it.each([
    // [as sent, DEFAULT_COUNTRY_CODE, result]
    ['+14158867900', undefined, number('+14158867900')],
    ['+1 (415) 886-7900', undefined, number('+14158867900')],
    ['+1.415.886.7900', '44', number('+14158867900')],
    ['tel:+1-415-886-7900', undefined, number('+14158867900')],
    ['0014158867900', undefined, number('+14158867900')],
    ['14158867900', '1', number('+14158867900')],
    ['4158867900', '1', number('+14158867900')],
    ['(415) 886-7900', '1', number('+14158867900')],
    ['01144201234567', '1', number('+44201234567')],
    ['020 7946 0000', '44', number('+442079460000')],
    ['07911 123456', '44', number('+447911123456')],
    ['447911123456', '44', number('+447911123456')],
    ['7911123456', '44', number('+447911123456')],
    ['06 12 34 56 78', '33', number('+33612345678')],
    ['06 1234 5678', '39', number('+390612345678')],
    ['3123456789', '39', number('+393123456789')],
    ['3912345678', '39', number('+393912345678')],
    ['45123456', '45', number('+4545123456')],
    // national numbers cannot be placed without a country
    ['14158867900', undefined, INTERNAL],
    ['4158867900', undefined, INTERNAL],
    ['020 7946 0000', undefined, INTERNAL],
    // NANP numbers that are not NANP-shaped
    ['0158867900', '1', INTERNAL],
    ['8867900', '1', INTERNAL],
    // extensions and SIP user names never match a listed number
    ['2001', '1', INTERNAL],
    ['2001', '44', INTERNAL],
    ['*97', '1', INTERNAL],
    ['user_suyt9r93ng', '1', INTERNAL],
    ['+0123456789', '1', INTERNAL],
    ['+1234', '1', INTERNAL],
    ['+1234567890123456', undefined, INTERNAL],
    // anonymous, as Kazoo and carriers send it
    [undefined, '1', ANONYMOUS],
    ['', '1', ANONYMOUS],
    ['   ', '1', ANONYMOUS],
    ['anonymous', '1', ANONYMOUS],
    ['Anonymous', undefined, ANONYMOUS],
    ['RESTRICTED', '1', ANONYMOUS],
    ['private', '1', ANONYMOUS],
    ['0000000000', '1', ANONYMOUS],
    ['+00000000000', undefined, ANONYMOUS],
  ] as const)('%j (country %s) is %j', (raw, country, expected) => {
    expect(normaliseNumber(raw, country)).toEqual(expected);
  });

  it('gives every way of writing one number the same E.164, so a list entry matches each', () => {
    const forms = ['+14158867900', '14158867900', '4158867900', '+1 (415) 886-7900', '1-415-886-7900', '001 415 886 7900', '011 1 415 886 7900'];
    expect(new Set(forms.map((form) => JSON.stringify(normaliseNumber(form, '1'))))).toEqual(new Set([JSON.stringify(number('+14158867900'))]));
  });
});
