import { renderFlow, type Flow } from '../flows/index.js';
import type { AppContext } from './types.js';

/** A Pivot answer as Kazoo takes it: 200, the flow's body and content type (its dialect), never cached. */
export function flowResponse(c: AppContext, flow: Flow): Response {
  const { body, contentType } = renderFlow(flow);
  return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
}
