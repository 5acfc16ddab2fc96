import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { callOptionsFrom, UsageError, type CallFlags } from '../command/options.js';
import { simulateCall } from '../simulate.js';
import { transcript } from './transcript.js';
import type { CallOptions, CallTrace, Outcome } from '../types.js';

/**
 * What a call must do (all optional; a call with none must simply get through):
 * `hears` (text said, each a case-insensitive part), `not-hears`, `rings` (`device:ID`,
 * `user:ID`, `number:+1…` or an id; a prefix is enough), `reaches` (`voicemail`, `voicemail-box`,
 * `menu`, `ring`, `reject`), `uploads` (a message was stored), `ends` (`completed`, `hung-up`,
 * `pivot-failed`, `loop-cut`; default `completed` with no problem).
 */
export interface Expectations {
  readonly hears?: string | readonly string[];
  readonly 'not-hears'?: string | readonly string[];
  readonly rings?: string | readonly string[];
  readonly reaches?: string | readonly string[];
  readonly uploads?: boolean;
  readonly ends?: Outcome;
}

/** One call of a scenarios file: its title, the call (as CLI flags: `caller` and `caller-name` for `--from`, `--name`), and what it must do. */
export interface Scenario {
  readonly name: string;
  readonly url?: string;
  readonly flags: CallFlags;
  readonly expect?: Expectations;
}

export interface ScenarioResult {
  readonly name: string;
  readonly passed: boolean;
  readonly mismatches: readonly string[];
  readonly trace: CallTrace;
}

const CALL_KEYS = new Set(['name', 'url', 'expect', 'caller', 'caller-name', 'to', 'dialect', 'method', 'body', 'at', 'digits', 'answer', 'record', 'kazoo']);
// Options of how Kazoo calls (not of the call itself): given on the command line, they apply to every call.
const TRANSPORT = ['dialect', 'method', 'body', 'kazoo'] as const;
const EXPECT_KEYS = new Set(['hears', 'not-hears', 'rings', 'reaches', 'uploads', 'ends']);
const REACHES = ['voicemail', 'voicemail-box', 'menu', 'ring', 'reject'];
const ENDS: readonly Outcome[] = ['completed', 'hung-up', 'pivot-failed', 'loop-cut', 'unsupported'];

const many = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]);

/** Read and check a scenarios file (YAML: `url`, `defaults`, `calls`); errors name the call and the key. */
export function readScenarios(text: string, file = 'scenarios'): { readonly url?: string; readonly calls: readonly Scenario[] } {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const root = (document ?? {}) as { url?: unknown; defaults?: unknown; calls?: unknown };
  if (typeof root !== 'object' || Array.isArray(root)) throw new UsageError(`${file}: expected url, defaults and calls at the top`);
  for (const key of Object.keys(root)) if (!['url', 'defaults', 'calls'].includes(key)) throw new UsageError(`${file}: unknown key "${key}" at the top (expected url, defaults, calls)`);
  if (root.url !== undefined && typeof root.url !== 'string') throw new UsageError(`${file}: url must be text`);
  if (!Array.isArray(root.calls) || root.calls.length === 0) throw new UsageError(`${file}: calls must be a list of calls, each with a name`);
  const defaults = (root.defaults ?? {}) as Record<string, unknown>;
  const calls = root.calls.map((raw: unknown, index: number): Scenario => {
    const call = { ...defaults, ...(raw as Record<string, unknown>) } as Record<string, unknown>;
    const where = `${file}: call ${index + 1}${typeof call.name === 'string' ? ` ("${call.name}")` : ''}`;
    if (typeof raw !== 'object' || raw === null || typeof call.name !== 'string' || call.name === '') throw new UsageError(`${where}: each call needs a name`);
    for (const key of Object.keys(call)) if (!CALL_KEYS.has(key)) throw new UsageError(`${where}: unknown key "${key}"`);
    for (const key of ['at', 'caller', 'caller-name', 'to', 'record', 'url', 'dialect', 'method', 'body', 'kazoo']) {
      if (call[key] !== undefined && typeof call[key] !== 'string') throw new UsageError(`${where}: ${key} must be text (quote times and numbers: at: "Mon 09:30")`);
    }
    const expect = (call.expect ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(expect)) if (!EXPECT_KEYS.has(key)) throw new UsageError(`${where}: unknown expectation "${key}" (expected ${[...EXPECT_KEYS].join(', ')})`);
    for (const reach of many(expect.reaches as string | string[] | undefined)) if (!REACHES.includes(reach)) throw new UsageError(`${where}: reaches "${reach}", expected ${REACHES.join(', ')}`);
    if (expect.ends !== undefined && !ENDS.includes(expect.ends as Outcome)) throw new UsageError(`${where}: ends "${String(expect.ends)}", expected ${ENDS.join(', ')}`);
    const { name, url, expect: _expect, caller, 'caller-name': callerName, ...flags } = call;
    return {
      name: name as string,
      ...(typeof url === 'string' ? { url } : {}),
      flags: { ...(flags as CallFlags), ...(typeof caller === 'string' ? { from: caller } : {}), ...(typeof callerName === 'string' ? { name: callerName } : {}) },
      expect: expect as Expectations,
    };
  });
  return { ...(typeof root.url === 'string' ? { url: root.url } : {}), calls };
}

function rang(trace: CallTrace): string[] {
  return trace.steps.flatMap((step) => (step.kind === 'ring' ? [`${step.target}:${step.id}`] : []));
}

/** What did not happen as expected; [] when the call did all it should. */
export function mismatches(trace: CallTrace, expect: Expectations = {}): string[] {
  const found: string[] = [];
  const heard = trace.steps.flatMap((step) => (step.kind === 'say' ? [step.text] : [])).join(' | ');
  for (const text of many(expect.hears)) if (!heard.toLowerCase().includes(text.toLowerCase())) found.push(`expected to hear "${text}", heard: ${heard === '' ? 'nothing' : heard}`);
  for (const text of many(expect['not-hears'])) if (heard.toLowerCase().includes(text.toLowerCase())) found.push(`expected not to hear "${text}"`);
  for (const target of many(expect.rings)) {
    const wanted = target.includes(':') ? target : `:${target}`;
    if (!rang(trace).some((ring) => (target.includes(':') ? ring.startsWith(wanted) : ring.includes(wanted)))) found.push(`expected to ring ${target}, rang: ${rang(trace).join(', ') || 'nothing'}`);
  }
  for (const reach of many(expect.reaches)) {
    const reached = trace.steps.some((step) =>
      reach === 'voicemail' ? step.kind === 'record' || step.kind === 'voicemail-box' : reach === 'voicemail-box' ? step.kind === 'voicemail-box' : reach === 'menu' ? step.kind === 'collect' : reach === 'ring' ? step.kind === 'ring' : step.kind === 'reject',
    );
    if (!reached) found.push(`expected to reach ${reach}`);
  }
  if (expect.uploads === true && !trace.steps.some((step) => step.kind === 'upload' && step.status !== undefined && step.status < 300)) found.push('expected a message to be uploaded and stored');
  const ends = expect.ends ?? 'completed';
  if (trace.outcome !== ends) found.push(`expected the call to end ${ends}, it ended ${trace.outcome}${trace.problems.length > 0 ? `: ${trace.problems.join('; ')}` : ''}`);
  else if (ends === 'completed' && trace.problems.length > 0) found.push(...trace.problems);
  return found;
}

/** Run each call of a scenarios file (the CLI's `--scenarios`); `shared` adds tokens and connections for a URL. */
export async function runScenarioFile(
  path: string,
  context: { readonly url: string | undefined; readonly flags: CallFlags; readonly shared: (url: string) => Omit<CallOptions, 'url'> },
): Promise<{ readonly results: readonly ScenarioResult[]; readonly failed: number; readonly report: string }> {
  const file = readScenarios(readFileSync(path, 'utf8'), path);
  const results: ScenarioResult[] = [];
  for (const scenario of file.calls) {
    const url = context.url ?? scenario.url ?? file.url;
    if (url === undefined) throw new UsageError(`${path}: call "${scenario.name}" has no url (give one in the file or on the command line)`);
    const transport = Object.fromEntries(TRANSPORT.filter((key) => context.flags[key] !== undefined).map((key) => [key, context.flags[key]]));
    const options: CallOptions = { url, ...context.shared(url), ...callOptionsFrom({ ...scenario.flags, ...transport }, dirname(path)) };
    const trace = await simulateCall(options);
    const found = mismatches(trace, scenario.expect);
    results.push({ name: scenario.name, passed: found.length === 0, mismatches: found, trace });
  }
  const failed = results.filter((result) => !result.passed).length;
  const lines = results.flatMap((result) => [
    `${result.passed ? '✓' : '✗'} ${result.name}`,
    ...(result.passed ? [] : [...result.mismatches.map((line) => `    ${line}`), ...transcript(result.trace, '').split('\n').map((line) => `      ${line}`)]),
  ]);
  lines.push(`${results.length} calls, ${failed} failed`);
  return { results, failed, report: lines.join('\n') };
}
