import { describe, expect, it } from 'vitest';
import { isPivotEdgeError } from '../../shared/errors.js';
import { parseHours, stateAt } from '../../shared/hours/index.js';
import type { Schedule } from '../../shared/hours/index.js';

/** mulberry32: a tiny seeded PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = [
  'Mo-Fr 09:00-17:00',
  'Mo-Fr 08:30-12:00,13:00-17:30; Sa 09:00-12:00',
  'Mo-Fr 09:00-17:00; Dec 24 09:00-12:00 "Christmas Eve"; Dec 25 off "Christmas"',
  'Th-Sa 18:00-02:00; Su off; 2026 Dec 31 18:00-03:00 "New Year"',
  'Mo-Fr 09:00-17:00; Jan 01 off; Nov Th[4] off "Thanksgiving"; May Mo[-1] off; Dec 20-Jan 05 10:00-14:00',
  '24/7; 2026 Nov 27 off',
];
const PIECES = ['Mo', 'Fr', 'Su', 'Dec', 'Nov', 'Feb', '2026', '25', '29', 'Th[4]', 'Mo[-1]', '09:00', '24:00', '-', ',', ';', ' ', '"', 'off', '24/7', '[', ']', '/', ':', '9', 'x', '\n', 'é', '–'];
const ALPHABET = 'MoTuWeThFrSaSuDecJanFebNov0123456789:-,;[]/" offclsed\t\n|+().é–';

function randomString(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) {
    text += random() < 0.5 ? PIECES[Math.floor(random() * PIECES.length)] : ALPHABET.charAt(Math.floor(random() * ALPHABET.length));
  }
  return text;
}

function mutate(random: () => number): string {
  let text = VALID[Math.floor(random() * VALID.length)] ?? '';
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const kind = Math.floor(random() * 3);
    const piece = PIECES[Math.floor(random() * PIECES.length)] ?? '';
    if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
    else if (kind === 1) text = text.slice(0, at) + piece + text.slice(at);
    else text = text.slice(0, at) + piece + text.slice(at + piece.length);
  }
  return text;
}

/** Either a Schedule, or a positioned hours_syntax error; anything else fails the test. */
function parseOrPositionedError(source: string): Schedule | undefined {
  try {
    return parseHours(source);
  } catch (error) {
    if (!isPivotEdgeError(error) || error.code !== 'hours_syntax') throw new Error(`unexpected error for ${JSON.stringify(source)}: ${String(error)}`);
    const position = error.details.position;
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > source.length) {
      throw new Error(`bad position ${String(position)} for ${JSON.stringify(source)}`);
    }
    return undefined;
  }
}

function timeParse(source: string): number {
  const started = performance.now();
  parseOrPositionedError(source);
  return performance.now() - started;
}

/** Parses `count` generated sources; `slowest` is the best of 3 re-timings of the slowest one (GC pauses aside). */
function run(count: number, seed: number, generate: (random: () => number) => string): { parsed: number; slowest: number } {
  const random = prng(seed);
  let parsed = 0;
  let slowest = 0;
  let slowestSource = '';
  for (let i = 0; i < count; i++) {
    const source = generate(random);
    const started = performance.now();
    const schedule = parseOrPositionedError(source);
    const took = performance.now() - started;
    if (took > slowest) [slowest, slowestSource] = [took, source];
    if (schedule === undefined) continue;
    parsed++;
    expect(parseHours(schedule.canonical).canonical).toBe(schedule.canonical);
    if (i % 25 === 0) stateAt(schedule, new Date(Date.UTC(2026, 2, 8, 6, 30)), 'America/New_York');
  }
  return { parsed, slowest: Math.min(timeParse(slowestSource), timeParse(slowestSource), timeParse(slowestSource)) };
}

describe('parseHours fuzzing', () => {
  it('survives 10k random strings', () => {
    const { slowest } = run(10_000, 1, randomString);
    expect(slowest).toBeLessThan(20);
  });
  it('survives 10k mutations of valid schedules (and some still parse and round-trip)', () => {
    const { parsed, slowest } = run(10_000, 2, mutate);
    expect(parsed).toBeGreaterThan(500);
    expect(slowest).toBeLessThan(20);
  });
  it('stays linear on long hostile input', () => {
    const hostile = ['9'.repeat(50_000), `Mo ${'-'.repeat(50_000)}`, `"${' '.repeat(50_000)}`, `${'9 - '.repeat(20_000)}x`, `Mon ${' 9 '.repeat(20_000)}`];
    for (const source of hostile) {
      const started = performance.now();
      parseOrPositionedError(source);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
