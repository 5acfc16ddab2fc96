import { AwsClient } from 'aws4fetch';
import type { Endpoint } from '../config/types.js';
import { logEvent } from '../http/log.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The `<X>` of `<X>_URL` and `<X>_FUNCTION_NAME`. */
const PREFIXES: Readonly<Record<Endpoint, string>> = { 'front-desk': 'FRONT_DESK', collected: 'COLLECTED', gathered: 'GATHERED', recordings: 'RECORDINGS' };

/**
 * The env with each unset `<X>_URL` of `siblings` filled in from the Function URL of the function
 * named in `<X>_FUNCTION_NAME` (SAM sets these where a `!GetAtt` would make a dependency cycle). A
 * failed lookup is logged and left unset, and retried by the next call.
 */
export async function withSiblingUrls(env: Env, siblings: readonly Endpoint[]): Promise<Env> {
  const wanted = missingSiblings(env, siblings);
  if (wanted.length === 0) return env;
  const found = await Promise.all(wanted.map((prefix) => functionUrl(env, env[`${prefix}_FUNCTION_NAME`]!.trim())));
  const filled: Record<string, string | undefined> = { ...env };
  wanted.forEach((prefix, index) => {
    if (found[index] !== undefined) filled[`${prefix}_URL`] = found[index];
  });
  return filled;
}

/** The `<X>` of each of `siblings` with a `<X>_FUNCTION_NAME` but no `<X>_URL` yet (first call, or a failed lookup). */
export function missingSiblings(env: Env, siblings: readonly Endpoint[]): string[] {
  return siblings.map((sibling) => PREFIXES[sibling]).filter((prefix) => !env[`${prefix}_URL`]?.trim() && env[`${prefix}_FUNCTION_NAME`]?.trim());
}

/** `GetFunctionUrlConfig` over SigV4 (aws4fetch, no AWS SDK); `AWS_ENDPOINT_URL_LAMBDA` overrides the endpoint. */
async function functionUrl(env: Env, functionName: string): Promise<string | undefined> {
  const region = env.AWS_REGION ?? 'us-east-1';
  const endpoint = env.AWS_ENDPOINT_URL_LAMBDA ?? `https://lambda.${region}.amazonaws.com`;
  const client = new AwsClient({
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
    ...(env.AWS_SESSION_TOKEN === undefined ? {} : { sessionToken: env.AWS_SESSION_TOKEN }),
    service: 'lambda',
    region,
    retries: 2,
  });
  try {
    const response = await client.fetch(`${endpoint.replace(/\/+$/, '')}/2021-10-31/functions/${encodeURIComponent(functionName)}/url`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { FunctionUrl } = (await response.json()) as { FunctionUrl?: unknown };
    if (typeof FunctionUrl !== 'string') throw new Error('no FunctionUrl in the answer');
    return FunctionUrl.replace(/\/+$/, '');
  } catch (error) {
    logEvent('error', 'sibling_url_lookup_failed', { functionName, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
