import { MAX_KEY_DEPTH, MAX_PARAMETERS } from './limits.js';
import type { ParamNode, ParamTree } from './param-tree.js';
import type { ProblemLog } from './problem-log.js';

/**
 * Reads a JSON body (Pivot's `req_body_format: json`) into a tree. Objects and
 * lists keep their shape; numbers and booleans become text, as they would in a
 * form body; nulls are dropped, as Kazoo drops undefined values.
 */
export function decodeJsonBody(text: string, problems: ProblemLog): ParamTree {
  const tree: ParamTree = new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message quotes the body, which may hold the token: say less.
    problems.add('body: invalid JSON, ignored');
    return tree;
  }
  if (!isJsonObject(parsed)) {
    problems.add('body: JSON is not an object, ignored');
    return tree;
  }
  const budget: ReadBudget = { leavesLeft: MAX_PARAMETERS, exhausted: false, tooDeep: false };
  for (const [name, value] of Object.entries(parsed)) {
    const node = toNode(value, 0, budget);
    if (node !== undefined) tree.set(name, node);
  }
  if (budget.exhausted) {
    problems.add(`body: more than ${MAX_PARAMETERS} values, ignored the rest`);
  }
  if (budget.tooDeep) {
    problems.add(`body: values nested deeper than ${MAX_KEY_DEPTH} levels, ignored`);
  }
  return tree;
}

interface ReadBudget {
  leavesLeft: number;
  exhausted: boolean;
  tooDeep: boolean;
}

function toNode(value: unknown, depth: number, budget: ReadBudget): ParamNode | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (budget.leavesLeft === 0) {
      budget.exhausted = true;
      return undefined;
    }
    budget.leavesLeft -= 1;
    return { text: String(value) };
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_KEY_DEPTH) {
    budget.tooDeep = true;
    return undefined;
  }
  if (Array.isArray(value)) {
    const items = value
      .map((item: unknown) => toNode(item, depth + 1, budget))
      .filter((item) => item !== undefined);
    return { items };
  }
  if (isJsonObject(value)) {
    const fields = new Map<string, ParamNode>();
    for (const [name, child] of Object.entries(value)) {
      const node = toNode(child, depth + 1, budget);
      if (node !== undefined) fields.set(name, node);
    }
    return { fields };
  }
  return undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
