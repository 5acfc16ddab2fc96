import { describe, expect, it } from 'vitest';
import { parseHours } from '../../shared/hours/index.js';
import type { Rule } from '../../shared/hours/rules.js';
import { findWarnings } from '../../shared/hours/advice/warnings.js';

// [source, expected warnings (exact)]
const rows: readonly (readonly [string, readonly string[]])[] = [
  ['Mo-Fr 09:00-17:00; Sa 10:00-12:00; Dec 25 off', []],
  ['Mo-Fr 09:00-17:00; Fr 09:00-15:00', []],
  ['Dec 25 off "Christmas"; Mo-Fr 09:00-17:00', [
    'date rule "Dec 25 off "Christmas"" comes before "Mo-Fr 09:00-17:00", which replaces it when the date falls on Mo,Tu,We,Th,Fr: later rules win, so put dates after the weekly hours',
  ]],
  ['Nov Th[4] off; Sa 10:00-12:00', []],
  ['Nov Th[4] off; Mo-Fr 09:00-17:00', [
    'date rule "Nov Th[4] off" comes before "Mo-Fr 09:00-17:00", which replaces it when the date falls on Th: later rules win, so put dates after the weekly hours',
  ]],
  ['2026 Dec 26 off; Mo-Fr 09:00-17:00', []], // Dec 26 2026 is a Saturday
  ['Dec 25 off; 10:00-18:00', [
    'date rule "Dec 25 off" comes before "10:00-18:00", which replaces it when the date falls on Mo,Tu,We,Th,Fr,Sa,Su: later rules win, so put dates after the weekly hours',
  ]],
  ['Mo-Fr 09:00-12:00; Mo-Fr 13:00-17:00', [
    'rule "Mo-Fr 09:00-12:00" never applies: later rules replace it on every day it names',
  ]],
  ['Mo-Fr 09:00-17:00; Fr 18:00-02:00', [
    '"Fr 18:00-02:00" replaces "Mo-Fr 09:00-17:00" on Fr (later rules replace, they do not add); to keep both, list all times in one rule',
  ]],
  ['Fr 18:00-02:00; Sa off', [
    '"Fr 18:00-02:00" runs past midnight into Sa, which is off; the part after midnight still applies (it belongs to Fr)',
  ]],
  ['Mo-Fr 09:00-05:00', [
    '"09:00-05:00" in "Mo-Fr 09:00-05:00" runs past midnight, to 05:00 the next morning; did you mean 09:00-17:00?',
  ]],
  ['Mo 09:00-13:00,12:00-17:00', ['times overlap in "Mo 09:00-13:00,12:00-17:00"']],
  // The same overnight trap when the evening rule names no weekday, or the day after is a holiday.
  ['18:00-02:00; Sa off', [
    '"18:00-02:00" runs past midnight into Sa, which is off; the part after midnight still applies (it belongs to Fr)',
  ]],
  ['Fr 18:00-02:00; Dec 26 off', [
    '"Fr 18:00-02:00" runs past midnight into "Dec 26 off" when that date falls on Sa; the part after midnight still applies (it belongs to the day before)',
  ]],
  ['Fr,Sa 17:00-02:00; Dec 25 off "Christmas"; Jan 01 off; 2027 Jul 05 off', [
    '"Fr,Sa 17:00-02:00" runs past midnight into "Dec 25 off "Christmas"", "Jan 01 off" when those dates fall on Sa,Su; the part after midnight still applies (it belongs to the day before)',
  ]], // 2027 Jul 05 is a Monday: no Friday or Saturday night runs into it
  ['Dec 31 20:00-02:00 "New Year\'s Eve"; Jan 01 off', [
    '"Dec 31 20:00-02:00 "New Year\'s Eve"" runs past midnight into "Jan 01 off"; the part after midnight still applies (it belongs to Dec 31)',
  ]],
  ['Tu-Th 17:00-24:00; Fr,Sa 17:00-02:00; Su 16:00-22:00', []],
  ['Fr 18:00-02:00; Sa 10:00-14:00; Dec 26 10:00-14:00', []],
  // Afternoon times written as night hours.
  ['Mo-Fr 12:00-01:00', ['"12:00-01:00" in "Mo-Fr 12:00-01:00" runs past midnight, to 01:00 the next morning; did you mean 12:00-13:00?']],
  ['Mo-Fr 08:00-12:00,01:00-05:00', [
    '"01:00-05:00" in "Mo-Fr 08:00-12:00,01:00-05:00" comes after "08:00-12:00" but is earlier in the day; did you mean 13:00-17:00?',
  ]],
  ['Mo 10:00-12:00,08:00-09:00', []], // a morning listed second, not an afternoon
  ['Fr 18:00-02:00', []],
];

describe('parseHours: warnings for things that parse but are likely unintended', () => {
  it.each(rows)('%j', (source, warnings) => {
    expect(parseHours(source).warnings).toEqual(warnings);
  });
});

/** Runs the warnings check on `rules`, counting every read of a rule or of one of its fields. */
function readsFor(rules: readonly Rule[]): number {
  let reads = 0;
  const counted = rules.map((rule) => new Proxy(rule, { get: (target, key, receiver) => ((reads += 1), Reflect.get(target, key, receiver)) }));
  const list = new Proxy(counted, {
    get: (target, key, receiver) => ((reads += typeof key === 'string' && /^\d+$/.test(key) ? 1 : 0), Reflect.get(target, key, receiver)),
  });
  findWarnings(list);
  return reads;
}

describe('the warnings check stays linear in the number of rules (issue 11: 20,000 rules took 37 s)', () => {
  // Every kind of rule the checks compare: weekdays, overnight ranges, date rules before and after weekly ones.
  const block = 'Mo-Fr 09:00-17:00; Fr 18:00-02:00; Sa off; Dec 26 off; Jan 01 off; Mo 10:00-11:00';
  const rulesOf = (blocks: number): readonly Rule[] => parseHours(Array.from({ length: blocks }, () => block).join('; ')).rules as readonly Rule[];

  it('ten times the rules cost ten times the reads, not a hundred', () => {
    const small = readsFor(rulesOf(100));
    const large = readsFor(rulesOf(1000));
    expect(large / small).toBeGreaterThan(9);
    expect(large / small).toBeLessThan(11);
    // A bounded number of reads per rule (a pairwise check would need about 6000 per rule here).
    expect(large / 6000).toBeLessThan(100);
  });

  it('20,000 rules parse, each warning once for the rule that earns it', () => {
    const blocks = Array.from({ length: 5000 }, (_, i) => `Mo ${String(i % 10).padStart(2, '0')}:00-23:00; Tu off; Dec 25 off; Sa 10:00-12:00`);
    const schedule = parseHours(blocks.join('; '));
    expect(schedule.rules).toHaveLength(20_000);
    const neverApplies = schedule.warnings.filter((warning) => warning.endsWith('never applies: later rules replace it on every day it names'));
    // Every Mo, Tu and Sa rule but the last is replaced by the next one naming its day.
    expect(neverApplies).toHaveLength(3 * 4999);
    // Every Dec 25 is followed by weekly rules that replace it on Mo, Tu or Sa, the last one by "Sa 10:00-12:00".
    expect(schedule.warnings.filter((warning) => warning.startsWith('date rule "Dec 25 off" comes before'))).toHaveLength(5000);
    expect(schedule.warnings).toHaveLength(3 * 4999 + 5000);
  });
});
