import type { Handler } from 'hono';
import { readPivotRequest, type PivotRequest } from '../adapter/index.js';
import { callerFacts, fallbackFlow, type CallContext } from '../calls/index.js';
import type { Endpoint, ResponseFormat } from '../config/types.js';
import { isPivotEdgeError } from '../errors.js';
import { renderFlow, type Dialect, type Flow } from '../flows/index.js';
import type { HoursOverride } from '../override/types.js';
import { requestInstant } from './clock.js';
import { logEvent } from './log.js';
import type { OverrideLookup } from './override.js';
import type { AppContext, AppEnv } from './types.js';
import { endpointUrls } from './urls.js';

/** What a Pivot endpoint's answer function gets. */
export interface PivotCall {
  readonly context: CallContext;
  readonly request: PivotRequest;
  readonly now: Date;
  /** The owner's "closed until…" switch as last read from the store (null: none, or unknown). */
  readonly override: HoursOverride | null;
  /** A query parameter of the URL we handed out (state such as `step` or `attempt`). */
  readonly query: (name: string) => string | undefined;
  /**
   * Adds a fact about this call's decision to its request log line, e.g. `note('state', 'closed')`,
   * `note('reason', 'Christmas')`, `note('caller', 'vip')`. Never a secret; values are capped by the log.
   */
  readonly note: (key: string, value: string) => void;
}

/**
 * Wrap an endpoint's answer so Kazoo always gets 200 and a valid flow: any error (broken config,
 * garbage input, a bug) is logged once and answered with the fallback flow instead. `dialect`
 * fixes the answer's dialect for endpoints only our own flows call (collected, gathered);
 * `override` reads the owner's switch for endpoints that ask whether the business is open.
 */
export function pivotRoute(
  endpoint: Endpoint,
  answer: (call: PivotCall) => Flow | Promise<Flow>,
  options: { readonly dialect?: Dialect; readonly override?: OverrideLookup | undefined } = {},
): Handler<AppEnv> {
  return async (c) => {
    const config = c.var.config;
    // Read alongside the body: a store read (cached, bounded) then adds nothing when the body takes longer.
    const reading = options.override?.(c);
    const request = await readPivotRequest(c.req.raw);
    const dialect = options.dialect ?? chooseDialect(config.responseFormat, request);
    const context: CallContext = { config, dialect, urls: endpointUrls(c, config), caller: callerFacts(request) };
    const notes: Record<string, string> = {};
    const note = (key: string, value: string): void => {
      notes[key] = value;
    };
    try {
      const now = requestInstant(c, config);
      const { override, status } = (await reading) ?? { override: null, status: 'off' };
      if (status === 'unavailable') note('override', 'unknown (settings store unreadable)');
      return flowResponse(c, await answer({ context, request, now, override, query: (name) => c.req.query(name), note }));
    } catch (error) {
      const why = isPivotEdgeError(error) ? error.message : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
      logEvent('warn', 'fallback', { endpoint, why, callId: request.callId, ...notes });
      return flowResponse(c, fallbackFlow(context));
    }
  };
}

/** RESPONSE_FORMAT, where `auto` answers in the dialect of the request's parameter names. */
export function chooseDialect(format: ResponseFormat, request: PivotRequest): Dialect {
  if (format !== 'auto') return format;
  return request.dialect === 'twiml' ? 'twiml' : 'callflow';
}

export function flowResponse(c: AppContext, flow: Flow): Response {
  const { body, contentType } = renderFlow(flow);
  return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
}

