import type { CallflowAction } from './callflow.js';

// Subtrees built once and reused across calls (see `constantAction`), and their JSON once rendered.
const constants = new WeakSet<CallflowAction>();
const rendered = new WeakMap<CallflowAction, string>();

/**
 * Marks `action` and everything under it as never changing (deeply frozen), so its JSON is
 * rendered once and reused by every flow that ends in it (e.g. a voicemail's closing chain).
 */
export function constantAction(action: CallflowAction): CallflowAction {
  for (let node: CallflowAction | undefined = action; node !== undefined; node = node.children._) {
    Object.freeze(node.data);
    Object.freeze(node.children);
    constants.add(Object.freeze(node));
  }
  return action;
}

/**
 * Exactly `JSON.stringify(action)`, node by node, so the JSON of a constant subtree is taken from
 * the cache instead of being written again for every call.
 */
export function renderCallflow(action: CallflowAction): string {
  const known = rendered.get(action);
  if (known !== undefined) return known;
  const next = action.children._;
  const json = hasNodeShape(action)
    ? `{"module":${JSON.stringify(action.module)},"data":${JSON.stringify(action.data)},"children":${next === undefined ? '{}' : `{"_":${renderCallflow(next)}}`}}`
    : JSON.stringify(action);
  if (constants.has(action)) rendered.set(action, json);
  return json;
}

/** The shape our builders make: `module`, `data`, `children` in that order, and at most a `_` child. */
function hasNodeShape(action: CallflowAction): boolean {
  if (typeof action.module !== 'string' || typeof action.data !== 'object' || action.data === null) return false;
  const keys = Object.keys(action);
  if (keys.length !== 3 || keys[0] !== 'module' || keys[1] !== 'data' || keys[2] !== 'children') return false;
  const children = Object.keys(action.children);
  return children.length === 0 || (children.length === 1 && children[0] === '_');
}
