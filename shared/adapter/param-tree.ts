import type { ParamValue } from './types.js';
import { quoteKey, type ProblemLog } from './problem-log.js';

/**
 * Everything sent under one name while decoding. A name can carry several shapes
 * at once (`Digits=#` and `Digits[menu]=1` in the same request), so each shape has
 * its own slot instead of the last one overwriting the others. Maps, not objects,
 * so names like `__proto__` are plain data.
 */
export interface ParamNode {
  text?: string;
  fields?: Map<string, ParamNode>;
  items?: ParamNode[];
}

export type ParamTree = Map<string, ParamNode>;

/** Sets the text at `path` (segments as from `splitKeyPath`), creating nodes on the way. */
export function assignText(
  tree: ParamTree,
  name: string,
  segments: readonly string[],
  value: string,
  displayKey: string,
  problems: ProblemLog,
): void {
  let node = childOf(tree, name);
  for (const segment of segments) {
    if (segment === '') {
      const item: ParamNode = {};
      (node.items ??= []).push(item);
      node = item;
    } else {
      node = childOf((node.fields ??= new Map()), segment);
    }
  }
  if (node.text !== undefined) {
    problems.add(`repeated parameter ${quoteKey(displayKey)}, kept the last value`);
  }
  node.text = value;
}

function childOf(fields: Map<string, ParamNode>, name: string): ParamNode {
  let child = fields.get(name);
  if (child === undefined) {
    child = {};
    fields.set(name, child);
  }
  return child;
}

/**
 * The one shape `params` shows for a node: object, else list, else text. The
 * typed fields still read the other shapes from the tree. Objects and lists come
 * out frozen, so the request needs no deep walk to be frozen.
 */
export function toParamValue(node: ParamNode): ParamValue | undefined {
  if (node.fields !== undefined) return toParams(node.fields);
  if (node.items !== undefined) {
    const items: ParamValue[] = [];
    for (const item of node.items) {
      const value = toParamValue(item);
      if (value !== undefined) items.push(value);
    }
    return Object.freeze(items);
  }
  return node.text;
}

export function toParams(tree: ParamTree): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [name, node] of tree) {
    const value = toParamValue(node);
    if (value === undefined) continue;
    // An own data property, so a `__proto__` name cannot set the prototype.
    if (name === '__proto__') Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
    else params[name] = value;
  }
  return Object.freeze(params);
}
