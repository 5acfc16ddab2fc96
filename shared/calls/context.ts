import { KAZOO_REFUSED_HOSTS } from '../config/defaults.js';
import type { Config, Endpoint } from '../config/types.js';
import type { Dialect, Speech } from '../flows/index.js';
import type { CallerFacts } from './voicemail-url.js';

/** Everything a call plan needs: the config, the dialect to answer in, and absolute sibling URLs. */
export interface CallContext {
  readonly config: Config;
  readonly dialect: Dialect;
  /** Absolute URL of each endpoint (with the Pivot token as userinfo when one is set). */
  readonly urls: Readonly<Record<Endpoint, string>>;
  /** Who called and what they dialled (from the Pivot request), for the voicemail's metadata. */
  readonly caller: CallerFacts;
}

export function speechOf(config: Config): Speech {
  return { voice: config.voice, language: config.language };
}

/** An endpoint URL with query parameters added; state travels in the URLs because Pivot keeps none. */
export function withQuery(url: string, query: Readonly<Record<string, string>>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(query)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** The goodbye after a message, on its own so that recordings, which says only this, bundles no other prompt. */
export const RECORDED_PROMPT = 'Thank you. Your message has been recorded. Goodbye.';

export const PROMPTS = {
  unanswered: 'Sorry, nobody is available to take your call. Please leave a message.',
  recorded: RECORDED_PROMPT,
  apology: 'Sorry, we cannot connect your call right now. Please leave a message.',
  // record_call plays no tone and no key ends it (README "Voicemail on Kazoo"): only a hang-up does.
  speakNow: 'Please speak now, and hang up when you are done.',
  timeUp: 'Your message has reached the time limit and has been recorded. Thank you, goodbye.',
  noRecording: 'Sorry, we cannot take a message right now. Please call again later. Goodbye.',
} as const;

/**
 * GREETING_CLOSED with `{reason}` filled in (a reason without final punctuation gets a full stop)
 * and `{next_open}` (e.g. `Monday at 9 AM`); when there is no next opening to say, the sentence
 * holding `{next_open}` is left out.
 */
export function closedGreeting(config: Config, reason: string | undefined, nextOpen = ''): string {
  const spoken = reason === undefined || reason === '' ? '' : /[.!?]$/.test(reason) ? reason : `${reason}.`;
  const withReason = config.greetingClosed.replace(/\{reason\}/g, () => spoken);
  const withReopening = nextOpen === '' ? withReason.replace(/[^.!?]*\{next_open\}[^.!?]*[.!?]?/g, '') : withReason.replace(/\{next_open\}/g, nextOpen);
  return withReopening.replace(/\s+/g, ' ').trim();
}

/**
 * The host of `endpoint`'s URL when Kazoo would refuse it: a flow handing it out fails Kazoo's
 * validation and the caller is hung up on (protocol §9). Only a configured address (PUBLIC_BASE_URL,
 * `*_URL`) counts: one derived from the request came in on that very host, which Kazoo never calls,
 * so it is someone trying the local server (the simulator flags such URLs itself).
 */
export function refusedHost(context: CallContext, endpoint: Endpoint): string | undefined {
  const { config } = context;
  if (config.publicBaseUrl === undefined && config.endpointUrls[endpoint] === undefined) return undefined;
  const url = context.urls[endpoint];
  let host = refusedHosts.get(url);
  if (host === undefined) {
    const { hostname } = new URL(url);
    host = KAZOO_REFUSED_HOSTS.has(hostname) ? hostname : null;
    // One URL per endpoint and config: start over rather than grow.
    if (refusedHosts.size >= 64) refusedHosts.clear();
    refusedHosts.set(url, host);
  }
  return host ?? undefined;
}

// Per URL handed out, the host Kazoo refuses (null: none): parsed once, not per call.
const refusedHosts = new Map<string, string | null>();
