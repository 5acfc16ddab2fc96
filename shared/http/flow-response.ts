import { renderFlow, type Flow } from '../flows/index.js';

/**
 * The answer: the rendered flow with its content type, never cached, plus `headers` (taken
 * over, not copied). Built in one go with plain headers, which @hono/node-server writes straight
 * out (no Headers object, no body stream).
 */
export function flowResponse(flow: Flow, headers: Record<string, string>): Response {
  const { body, contentType } = renderFlow(flow);
  headers['content-type'] = contentType;
  headers['cache-control'] = 'no-store';
  return new Response(body, { status: 200, headers });
}
