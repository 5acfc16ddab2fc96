import type { Handler } from 'hono';
import { readPivotRequest, type PivotRequest } from '../adapter/index.js';
import { callerFacts, fallbackFlow, type CallContext } from '../calls/index.js';
import type { Config, Endpoint, ResponseFormat } from '../config/types.js';
import { isPivotEdgeError } from '../errors.js';
import { renderFlow, type Dialect, type Flow } from '../flows/index.js';
import type { HoursOverride } from '../override/types.js';
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
   * `state`, `reason`, `override`, `caller`, `menu` and `dial` also shape the line's `decision`.
   */
  readonly note: (key: string, value: string) => void;
}

/** How one endpoint answers: its dialect, its clock, where it reads the owner's switch. */
export interface PivotRouteOptions {
  /** Fixes the answer's dialect for endpoints only our own flows call (collected, gathered). */
  readonly dialect?: Dialect;
  /** `requestInstant` where the answer depends on the time (so `recordings` does not bundle it). */
  readonly clock?: (c: AppContext, config: Config) => Date;
  /** Reads the owner's switch, for endpoints that ask whether the business is open. */
  readonly override?: OverrideLookup | undefined;
}

/**
 * Wrap an endpoint's answer so Kazoo always gets 200 and a valid flow: any error (broken config,
 * garbage input, a bug) is logged once and answered with the fallback flow instead.
 */
export function pivotRoute(
  // The endpoint's app names it on the log line; kept so each route still says where it belongs.
  _endpoint: Endpoint,
  answer: (call: PivotCall) => Flow | Promise<Flow>,
  options: PivotRouteOptions = {},
): Handler<AppEnv> {
  return async (c) => {
    const config = c.var.config;
    const log = c.var.log;
    // Read alongside the body: a store read (cached, bounded) then adds nothing when the body takes longer.
    const reading = options.override?.(c);
    const request = await readPivotRequest(c.req.raw);
    log.request = request;
    const dialect = options.dialect ?? chooseDialect(config.responseFormat, request);
    const context: CallContext = { config, dialect, urls: endpointUrls(c, config), caller: callerFacts(request) };
    let flow: Flow;
    try {
      const now = options.clock?.(c, config) ?? new Date();
      const { override, status } = (await reading) ?? { override: null, status: 'off' };
      if (status === 'unavailable') log.note('override', 'unknown (settings store unreadable)');
      flow = await answer({ context, request, now, override, query: (name) => c.req.query(name), note: log.note });
    } catch (error) {
      // The request's log line says why (shared/http/request-log.ts), at warn level.
      log.fallback = isPivotEdgeError(error) ? error.message : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
      flow = fallbackFlow(context);
    }
    log.flow = flow;
    return flowResponse(c, flow);
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
