import { parseRoute, type CallerRoute } from './route.js';
import { cleanText } from './spoken.js';

/** What a lookup told us: the caller's name (for `{name}`), words to say first, and where the call goes. */
export interface LookupAnswer {
  readonly name?: string;
  readonly say?: string;
  readonly route: CallerRoute;
}

/** Why a lookup could not be used; every one of them sends the call on by the normal rules. */
export type LookupFailure =
  | 'timeout'
  | 'unreachable'
  | `http-${number}`
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'too-large'
  | 'not-json'
  | 'bad-answer'
  | 'unknown-route'
  | 'bad-target';

export type LookupResult =
  | { readonly ok: true; readonly answer: LookupAnswer }
  | { readonly ok: false; readonly why: LookupFailure; readonly detail: string };

export const NAME_MAX_CHARACTERS = 50;
export const SAY_MAX_CHARACTERS = 500;
const NOTHING_KNOWN: LookupResult = { ok: true, answer: { route: 'default' } };

export function failure(why: LookupFailure, detail: string): LookupResult {
  return { ok: false, why, detail };
}

/**
 * A lookup's body: empty (nothing known), or a JSON object with optional `name`, `say` and
 * `route` strings. Spoken text is cleaned and capped; anything else is a failure that says why.
 */
export function parseAnswer(body: string): LookupResult {
  if (body.trim() === '') return NOTHING_KNOWN;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure('not-json', 'the body is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return failure('bad-answer', 'expected a JSON object');
  const { name, say, route } = json as Record<string, unknown>;
  for (const [key, value] of Object.entries({ name, say, route })) {
    if (value !== undefined && value !== null && typeof value !== 'string') return failure('bad-answer', `"${key}" must be a string`);
  }
  const parsed = typeof route === 'string' && route.trim() !== '' ? parseRoute(route) : { route: 'default' as const };
  if ('why' in parsed) return failure(parsed.why, parsed.detail);
  const spokenName = typeof name === 'string' ? cleanText(name, NAME_MAX_CHARACTERS) : '';
  const spokenSay = typeof say === 'string' ? cleanText(say, SAY_MAX_CHARACTERS) : '';
  return {
    ok: true,
    answer: { route: parsed.route, ...(spokenName === '' ? {} : { name: spokenName }), ...(spokenSay === '' ? {} : { say: spokenSay }) },
  };
}
