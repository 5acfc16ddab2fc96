import { readBodyText } from './body-reading.js';
import { chooseBodyFormat } from './body-format.js';
import { deepFreeze } from './deep-freeze.js';
import { detectDialect } from './dialect.js';
import { decodeJsonBody } from './json-body.js';
import { toParams, type ParamTree } from './param-tree.js';
import { ProblemLog } from './problem-log.js';
import { decodeKazooQueryInto } from './query-decoding.js';
import { reportMixedShapes } from './shape-check.js';
import { readTypedFields } from './typed-fields.js';
import type { PivotRequest } from './types.js';

// Our auth secret: flows and logs downstream must never see it.
const SECRET_PARAMETER = 'token';

/**
 * Turns a fetch-API Request from any platform into a PivotRequest: query string,
 * plus for POST a form or JSON body merged over it (body wins per name). Never
 * throws or rejects; what could not be read is listed in `problems`. The result
 * is deeply frozen.
 */
export async function readPivotRequest(request: Request): Promise<PivotRequest> {
  const problems = new ProblemLog();
  try {
    const httpMethod = request.method.toUpperCase();
    const tree = readQuery(request.url, problems);
    if (httpMethod === 'POST') {
      for (const [name, node] of await readBody(request, problems)) tree.set(name, node);
    }
    tree.delete(SECRET_PARAMETER);
    reportMixedShapes(tree, problems);
    const dialect = detectDialect(tree, problems);
    const typedFields = readTypedFields(tree, dialect, problems);
    // Every part is frozen as it is made (typed fields, params, problems): only the top is left.
    return Object.freeze({
      dialect,
      httpMethod,
      ...typedFields,
      params: toParams(tree),
      problems: Object.freeze(problems.list()),
    });
  } catch {
    // Only a bug or a non-Request argument gets here; the error text could quote input.
    problems.add('request could not be read (unexpected error)');
    return deepFreeze(emptyPivotRequest(request, problems.list()));
  }
}

function readQuery(url: string, problems: ProblemLog): ParamTree {
  const tree: ParamTree = new Map();
  // The query as sent (escapes kept, so values are decoded exactly once), without a fragment:
  // what `new URL(url).search` gives, up to the escapes a URL parser adds, which decode the same.
  const start = url.indexOf('?');
  if (start !== -1) {
    const hash = url.indexOf('#', start);
    decodeKazooQueryInto(tree, url.slice(start + 1, hash === -1 ? undefined : hash), 'query', problems);
  }
  return tree;
}

async function readBody(request: Request, problems: ProblemLog): Promise<ParamTree> {
  const text = await readBodyText(request, problems);
  if (text === undefined || text.trim() === '') return new Map();
  const format = chooseBodyFormat(request.headers.get('content-type'), text, problems);
  if (format === 'json') return decodeJsonBody(text, problems);
  const tree: ParamTree = new Map();
  decodeKazooQueryInto(tree, text, 'body', problems);
  return tree;
}

function emptyPivotRequest(request: unknown, problems: readonly string[]): PivotRequest {
  const method = (request as { method?: unknown } | null)?.method;
  return {
    dialect: 'unknown',
    httpMethod: typeof method === 'string' ? method.toUpperCase() : '',
    userIds: [],
    digitCollections: {},
    customApplicationVars: {},
    customSipHeaders: {},
    params: {},
    problems,
  };
}
