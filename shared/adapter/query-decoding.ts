import { splitKeyPath } from './key-path.js';
import { MAX_KEY_DEPTH, MAX_PARAMETERS } from './limits.js';
import { assignText, toParams, type ParamTree } from './param-tree.js';
import { decodePercentEscapes } from './percent-decoding.js';
import { quoteKey, ProblemLog } from './problem-log.js';
import type { ParamValue } from './types.js';

/**
 * Decodes a query string or form body produced by Kazoo's
 * `kz_http_util:json_to_querystring` into `tree`. `source` names the text in
 * problem messages (`query`, `body`).
 */
export function decodeKazooQueryInto(
  tree: ParamTree,
  text: string,
  source: string,
  problems: ProblemLog,
): void {
  let parameterCount = 0;
  let start = 0;
  while (start <= text.length) {
    const separator = text.indexOf('&', start);
    const end = separator === -1 ? text.length : separator;
    // Empty segments (`&&`) are how Kazoo encodes an empty object: nothing to read.
    if (end > start) {
      if (parameterCount === MAX_PARAMETERS) {
        problems.add(`${source}: more than ${MAX_PARAMETERS} parameters, ignored the rest`);
        return;
      }
      parameterCount += 1;
      decodePair(tree, text, start, end, source, problems);
    }
    start = end + 1;
  }
}

const NO_SEGMENTS: readonly string[] = [];

function decodePair(
  tree: ParamTree,
  text: string,
  start: number,
  end: number,
  source: string,
  problems: ProblemLog,
): void {
  const equals = text.indexOf('=', start);
  const keyEnd = equals === -1 || equals > end ? end : equals;
  // Kazoo does not encode keys, so `+` in a key is a literal plus, not a space.
  const key = decodePercentEscapes(text.slice(start, keyEnd), false, { source, offset: start }, problems);
  const value =
    keyEnd === end
      ? ''
      : decodePercentEscapes(text.slice(keyEnd + 1, end), true, { source, offset: keyEnd + 1 }, problems);

  if (key === '') {
    problems.add(`${source}: parameter without a name at position ${start}, ignored`);
    return;
  }
  // Nearly every key is a plain name: no brackets to split.
  if (!key.includes('[')) {
    assignText(tree, key, NO_SEGMENTS, value, key, problems);
    return;
  }
  const path = splitKeyPath(key);
  if (path === undefined) {
    problems.add(`${source}: malformed brackets in ${quoteKey(key)}, kept the name as is`);
    assignText(tree, key, [], value, key, problems);
    return;
  }
  if (path.segments.length > MAX_KEY_DEPTH) {
    problems.add(`${source}: ${quoteKey(key)} nests deeper than ${MAX_KEY_DEPTH} levels, ignored`);
    return;
  }
  assignText(tree, path.name, path.segments, value, key, problems);
}

/**
 * Decodes a Kazoo query string (or form body) with bracket syntax:
 * `Key[]=v` → list, `Key[a][b]=v` → nested object, `+` → space, `%XX` → UTF-8.
 * A leading `?` is ignored. Never throws: what cannot be read is skipped or kept
 * literally. Unlike `readPivotRequest`, keeps every parameter, `token` included.
 */
export function parseKazooQuery(query: string): Record<string, ParamValue> {
  const tree: ParamTree = new Map();
  if (typeof query !== 'string') return {}; // callers from plain JS
  const text = query.startsWith('?') ? query.slice(1) : query;
  decodeKazooQueryInto(tree, text, 'query', new ProblemLog());
  return toParams(tree);
}
