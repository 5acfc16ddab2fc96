export type { ParamValue, Params, PivotRequest, RequestDialect } from './types.js';
export { readPivotRequest } from './read-pivot-request.js';
export { parseKazooQuery } from './query-decoding.js';
