import {
  RECORDING_DURATION_SPELLINGS,
  TEXT_FIELD_SPELLINGS,
  type ParamSpellings,
  type TextField,
} from './field-names.js';
import type { ParamNode, ParamTree } from './param-tree.js';
import { quoteKey, type ProblemLog } from './problem-log.js';
import type { PivotRequest, RequestDialect } from './types.js';

/** The typed, optional part of a PivotRequest. Absent or empty parameters are left out. */
export type TypedFields = Partial<Record<TextField, string>> & {
  recordingDuration?: number;
} & Pick<PivotRequest, 'userIds' | 'digitCollections' | 'customApplicationVars' | 'customSipHeaders'>;

/** Names to try, in order, per dialect of the request: its own spellings first, each name once. */
interface SpellingOrder {
  readonly twiml: readonly string[];
  readonly other: readonly string[];
}

function orderOf(spellings: ParamSpellings): SpellingOrder {
  return { twiml: [...new Set([...spellings.twiml, ...spellings.kazoo])], other: [...new Set([...spellings.kazoo, ...spellings.twiml])] };
}

// Worked out once, not per request.
const TEXT_FIELDS = Object.entries(TEXT_FIELD_SPELLINGS).map(([field, spellings]) => [field as TextField, orderOf(spellings)] as const);
const RECORDING_DURATION = orderOf(RECORDING_DURATION_SPELLINGS);

export function readTypedFields(
  tree: ParamTree,
  dialect: RequestDialect,
  problems: ProblemLog,
): TypedFields {
  const fields: TypedFields = {
    userIds: readUserIds(tree, problems),
    digitCollections: readTextRecord(tree, 'Digits', problems),
    customApplicationVars: readTextRecord(tree, 'Custom-Application-Vars', problems),
    customSipHeaders: readTextRecord(tree, 'Custom-SIP-Headers', problems),
  };
  for (const [field, order] of TEXT_FIELDS) {
    const text = readText(tree, order, dialect, problems);
    if (text !== undefined) fields[field] = text;
  }
  const duration = readText(tree, RECORDING_DURATION, dialect, problems);
  if (duration !== undefined) {
    // Number() alone would accept '0x10', '1e3' and ' '; Kazoo sends plain seconds.
    if (/^\d+(\.\d+)?$/.test(duration)) fields.recordingDuration = Number(duration);
    else problems.add('recording duration is not a number of seconds, ignored');
  }
  return fields;
}

function readText(
  tree: ParamTree,
  order: SpellingOrder,
  dialect: RequestDialect,
  problems: ProblemLog,
): string | undefined {
  for (const name of dialect === 'twiml' ? order.twiml : order.other) {
    const node = tree.get(name);
    if (node === undefined) continue;
    // Digits may also carry collections; those are read by readTextRecord, not a problem here.
    if (node.text === undefined && name !== 'Digits') {
      problems.add(`${quoteKey(name)} is ${describeShape(node)}, expected text`);
    }
    if (node.text !== undefined && node.text !== '') return node.text;
  }
  return undefined;
}

const NONE: readonly string[] = Object.freeze([]);
const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

function readUserIds(tree: ParamTree, problems: ProblemLog): readonly string[] {
  const node = tree.get('User-ID');
  if (node === undefined) return NONE;
  const candidates = node.items ?? (node.text === undefined ? [] : [node]);
  if (node.fields !== undefined || candidates.some((item) => item.text === undefined)) {
    problems.add('"User-ID" holds values that are not text, ignored them');
  }
  return Object.freeze(candidates.flatMap((item) => (item.text === undefined || item.text === '' ? [] : [item.text])));
}

function readTextRecord(tree: ParamTree, name: string, problems: ProblemLog): Record<string, string> {
  const node = tree.get(name);
  if (node?.fields === undefined) {
    if (node?.items !== undefined) problems.add(`${quoteKey(name)} is a list, expected an object`);
    return EMPTY;
  }
  const entries: [string, string][] = [];
  for (const [key, child] of node.fields) {
    if (child.text !== undefined) entries.push([key, child.text]);
    else problems.add(`${quoteKey(`${name}[${key}]`)} is ${describeShape(child)}, expected text`);
  }
  return Object.freeze(Object.fromEntries(entries));
}

function describeShape(node: ParamNode): string {
  return node.fields !== undefined ? 'an object' : 'a list';
}
