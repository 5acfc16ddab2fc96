import type { Handler } from 'hono';
import { readPivotRequest, type PivotRequest } from '../adapter/index.js';
import { callerFacts, fallbackFlow, type CallContext } from '../calls/index.js';
import type { Config, Endpoint, ResponseFormat } from '../config/types.js';
import { isPivotEdgeError } from '../errors.js';
import { renderFlow, type Dialect, type Flow } from '../flows/index.js';
import type { OverrideReading } from '../override/reader.js';
import type { HoursOverride } from '../override/types.js';
import { describeFlow } from './decision.js';
import type { OverrideLookup } from './override.js';
import type { RequestLog } from './request-log.js';
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

/** An endpoint's answer: the flow for one call (`c` for what outlives the answer, e.g. `waitUntil`). */
export type PivotAnswer = (call: PivotCall, c: AppContext) => Flow | Promise<Flow>;

/** One request being answered: its log line, and the headers its answer carries besides the content type. */
export interface PivotExchange {
  readonly log: RequestLog;
  readonly headers: Record<string, string>;
}

/** How one endpoint answers: its dialect, its clock, where it reads the owner's switch. */
export interface PivotRouteOptions {
  /** Fixes the answer's dialect for endpoints only our own flows call (collected, gathered). */
  readonly dialect?: Dialect;
  /** `requestInstant` where the answer depends on the time (so `recordings` does not bundle it). */
  readonly clock?: (c: AppContext, config: Config, exchange: PivotExchange) => Date;
  /** Reads the owner's switch, for endpoints that ask whether the business is open. */
  readonly override?: OverrideLookup | undefined;
}

const OFF: OverrideReading = { override: null, status: 'off' };

/**
 * The flow answering one Pivot request, always a valid one: any error (broken config, garbage
 * input, a bug) is noted on the log line (shared/http/request-log.ts, at warn level) and answered
 * with the fallback flow instead.
 */
export async function pivotFlow(c: AppContext, config: Config, exchange: PivotExchange, answer: PivotAnswer, options: PivotRouteOptions): Promise<Flow> {
  const { log } = exchange;
  // Read alongside the body: a store read (cached, bounded) then adds nothing when the body takes longer.
  const reading = options.override?.(c, config);
  const request = await readPivotRequest(c.req.raw);
  log.request = request;
  const dialect = options.dialect ?? chooseDialect(config.responseFormat, request);
  const context: CallContext = { config, dialect, urls: endpointUrls(c, config), caller: callerFacts(request) };
  let flow: Flow;
  try {
    const now = options.clock?.(c, config, exchange) ?? new Date();
    const { override, status } = (await reading) ?? OFF;
    if (status === 'unavailable') log.note('override', 'unknown (settings store unreadable)');
    flow = await answer({ context, request, now, override, query: (name) => queryParameter(c, name), note: log.note }, c);
  } catch (error) {
    log.fallback = isPivotEdgeError(error) ? error.message : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
    flow = fallbackFlow(context);
  }
  log.answer = { dialect: flow.dialect, describe: () => describeFlow(flow) };
  return flow;
}

/**
 * `c.req.query(name)`, without decoding every parameter of Kazoo's long query when the name is not
 * in it: our own state names (`step`, `attempt`) are never encoded, and a name spelled with an
 * escape (`%73tep`) still goes to Hono.
 */
function queryParameter(c: AppContext, name: string): string | undefined {
  const url = c.req.url;
  return url.includes(name) || hasEscapedName(url) ? c.req.query(name) : undefined;
}

/** Whether a `%` of the URL's query stands in a parameter's name (Kazoo's escapes are all in values). */
function hasEscapedName(url: string): boolean {
  const query = url.indexOf('?');
  if (query === -1) return false;
  for (let escape = url.indexOf('%', query); escape !== -1; escape = url.indexOf('%', escape + 1)) {
    let at = escape - 1;
    while (url[at] !== '=' && url[at] !== '&' && at > query) at -= 1;
    if (url[at] !== '=') return true;
  }
  return false;
}

/**
 * A Pivot answer as a route of an app made by createEndpointApp (recordings' `<Record action>`
 * follow-up): Kazoo always gets 200 and a valid flow.
 */
export function pivotRoute(
  // The endpoint's app names it on the log line; kept so each route still says where it belongs.
  _endpoint: Endpoint,
  answer: PivotAnswer,
  options: PivotRouteOptions = {},
): Handler<AppEnv> {
  return async (c) => {
    const exchange: PivotExchange = { log: c.var.log, headers: {} };
    return flowResponse(await pivotFlow(c, c.var.config, exchange, answer, options), exchange.headers);
  };
}

/** RESPONSE_FORMAT, where `auto` answers in the dialect of the request's parameter names. */
export function chooseDialect(format: ResponseFormat, request: PivotRequest): Dialect {
  if (format !== 'auto') return format;
  return request.dialect === 'twiml' ? 'twiml' : 'callflow';
}

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
