import type { ParamNode, ParamTree } from './param-tree.js';
import { quoteKey, type ProblemLog } from './problem-log.js';

/**
 * Reports names sent in more than one shape (`a=1&a[]=2`): `params` can show only
 * one of them. `Digits` as text plus collections is expected (legacy digit_pressed
 * next to collect_dtmf results) and both are read into typed fields, so it is not
 * reported.
 */
export function reportMixedShapes(tree: ParamTree, problems: ProblemLog): void {
  for (const [name, node] of tree) {
    const expected = name === 'Digits' && node.items === undefined;
    if (!expected) checkNode(node, name, problems);
    else if (node.fields !== undefined) checkChildren(node.fields, name, problems);
  }
}

function checkNode(node: ParamNode, path: string, problems: ProblemLog): void {
  // Nearly every node is plain text: nothing to check, nothing to allocate.
  if (node.fields === undefined && node.items === undefined) return;
  if (node.text !== undefined || (node.fields !== undefined && node.items !== undefined)) {
    const kept = node.fields !== undefined ? 'the object' : 'the list';
    problems.add(`${quoteKey(path)} was sent in several shapes, params keeps ${kept}`);
  }
  if (node.fields !== undefined) checkChildren(node.fields, path, problems);
  node.items?.forEach((item) => checkNode(item, `${path}[]`, problems));
}

function checkChildren(fields: Map<string, ParamNode>, path: string, problems: ProblemLog): void {
  for (const [name, child] of fields) checkNode(child, `${path}[${name}]`, problems);
}
