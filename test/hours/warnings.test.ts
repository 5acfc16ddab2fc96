import { describe, expect, it } from 'vitest';
import { parseHours } from '../../shared/hours/index.js';

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
    '"09:00-05:00" in "Mo-Fr 09:00-05:00" runs past midnight; if you meant 05:00 in the afternoon write "09:00-17:00"',
  ]],
  ['Mo 09:00-13:00,12:00-17:00', ['times overlap in "Mo 09:00-13:00,12:00-17:00"']],
];

describe('parseHours: warnings for things that parse but are likely unintended', () => {
  it.each(rows)('%j', (source, warnings) => {
    expect(parseHours(source).warnings).toEqual(warnings);
  });
});
