// Whether an answer is right for its case: an expected status, a body (HEAD aside), and for a 200 a
// flow Kazoo runs, for a 201 the stored recording's id.
import { callflowProblems } from '../kazoo/callflow.js';
import { twimlProblems } from '../kazoo/twiml.js';
import type { FuzzCase } from './case.js';

export interface Answer {
  readonly outcome: 'answered' | 'closed' | 'timeout';
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** What is wrong with `answer` for `fuzz` ([] when nothing is), given the statuses right for it here. */
export function judge(fuzz: FuzzCase, answer: Answer, expected: readonly number[]): string[] {
  if (answer.outcome === 'timeout') return ['no answer before the deadline (a hang)'];
  if (answer.outcome === 'closed') return ['the connection closed without an answer'];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`a ${answer.status}`);
  if (!expected.includes(answer.status)) problems.push(`status ${answer.status}, expected ${expected.join(' or ')}`);
  if (fuzz.method === 'HEAD') return problems;
  if (answer.body === '') return [...problems, `an empty body (status ${answer.status})`];
  if (answer.status === 200) problems.push(...flowProblems(answer));
  if (answer.status === 201 && !/^\{"id":"\d{13}-[0-9a-f]{12}"/.test(answer.body)) problems.push(`a 201 that names no stored recording: ${answer.body.slice(0, 120)}`);
  return problems;
}

/** A 200 must be a flow Kazoo runs: Callflow JSON by its schemas (or the built-in rules), or TwiML by its verbs. */
function flowProblems(answer: Answer): string[] {
  const type = answer.contentType?.split(';')[0]?.trim();
  if (type === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      return ['a 200 whose JSON does not parse'];
    }
    // Kazoo's JSON decoder refuses a lone surrogate (written as an escape by JSON.stringify).
    if (/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(answer.body)) return ['a 200 with a lone surrogate, which Kazoo cannot decode'];
    return callflowProblems(json).map((problem) => `Callflow JSON: ${problem}`);
  }
  if (type === 'application/xml') return twimlProblems(answer.body).map((problem) => `TwiML: ${problem}`);
  return [`a 200 of type ${type ?? 'none'}, which Kazoo reads as no flow`];
}
