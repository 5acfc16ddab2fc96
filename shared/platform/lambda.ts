import type { Hono } from 'hono';
import { handle, type APIGatewayProxyResult, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { memoryCache } from '../callers/cache.js';
import type { Endpoint } from '../config/types.js';
import { logEvent } from '../http/log.js';
import type { AppEnv, Platform } from '../http/types.js';
import { missingSiblings, withSiblingUrls } from './lambda-siblings.js';
import { adoptProcessZone } from './process-zone.js';

/** The Lambda platform plus what its handler needs to finish background work before the freeze. */
export interface LambdaPlatform extends Platform {
  /** Waits for the work handed to `waitUntil`, at most `budgetMs`; what is left is logged. */
  settle(budgetMs: number): Promise<void>;
}

/** A Lambda handler for API Gateway v2 / Function URL events. */
export type LambdaHandler = (event: LambdaEvent, context?: LambdaContext) => Promise<APIGatewayProxyResult>;

// Kept back from the remaining invocation time so the handler returns before Lambda's timeout.
const RESERVE_MS = 1500;
const DEFAULT_BUDGET_MS = 10_000;

/**
 * AWS Lambda: env from `process.env` (or `env`, read through `current`), and `waitUntil` work
 * tracked, because Lambda freezes the process as soon as the handler returns.
 */
export function lambdaPlatform(current: () => Readonly<Record<string, unknown>>): LambdaPlatform {
  const pending = new Set<Promise<void>>();
  return {
    name: 'lambda',
    env: () => current(),
    waitUntil: (_c, work) => {
      const tracked: Promise<void> = work
        .then(
          () => undefined,
          (error: unknown) => logEvent('error', 'background_failed', { message: String(error) }),
        )
        .finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    // One per container: warm invocations share it.
    cache: memoryCache(),
    async settle(budgetMs) {
      if (pending.size === 0) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, budgetMs))));
      const outcome = await Promise.race([Promise.allSettled([...pending]).then(() => 'done' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') logEvent('warn', 'background_unfinished', { pending: pending.size });
    },
  };
}

export interface LambdaEntryOptions {
  /**
   * The other functions whose URLs this one's answers hand to Kazoo. Those SAM could not wire (see
   * template.yaml) are looked up once per container before the first answer; no other lookup
   * delays a cold start. A function's own URL comes from the request.
   */
  readonly siblings: readonly Endpoint[];
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The Lambda entry for one function: `build` makes its Hono app on the Lambda platform. Each
 * invocation answers through `hono/aws-lambda`, then waits for the `waitUntil` work (within the
 * remaining time) before returning, so a notice is not frozen half-sent.
 */
export function lambdaHandler(build: (platform: Platform) => Hono<AppEnv>, { siblings, env = process.env }: LambdaEntryOptions): LambdaHandler {
  // Only a deployed function's own environment: a test's `env` must not move its process's clock.
  if (env === process.env) adoptProcessZone(env['TIMEZONE']);
  let resolved: Readonly<Record<string, string | undefined>> = env;
  let lookup: Promise<void> | undefined;
  const platform = lambdaPlatform(() => resolved);
  const answer = handle(build(platform));
  return async (event, context) => {
    if (missingSiblings(resolved, siblings).length > 0) {
      lookup ??= withSiblingUrls(env, siblings)
        .then((filled) => void (resolved = Object.freeze(filled)))
        .finally(() => (lookup = undefined));
      await lookup;
    }
    const result = await answer(event, context);
    await platform.settle(context === undefined ? DEFAULT_BUDGET_MS : context.getRemainingTimeInMillis() - RESERVE_MS);
    return result;
  };
}
