import type { Config } from '../config/types.js';
import { logText, withoutSecrets } from './log.js';
import type { RequestLog } from './request-log.js';

// Per env object, i.e. per process or Worker isolate: which config problems a line has carried.
const reported = new WeakMap<object, Set<string>>();

/**
 * Puts the config's problems on this request's line (at warn) the first time this env meets them,
 * so a deployed function names a broken variable once, not on every call, and never silently
 * (a call that falls back because of it still says why on its own line).
 */
export function reportProblemsOnce(env: object, config: Config, log: RequestLog): void {
  const seen = reportedFor(env);
  const fresh = config.problems.map((problem) => problem.message).filter((message) => !seen.has(message));
  if (fresh.length === 0) return;
  for (const message of fresh) seen.add(message);
  log.fields.configProblems = logText(withoutSecrets(fresh.join('; ')), 1000);
  log.warn = true;
}

function reportedFor(env: object): Set<string> {
  let seen = reported.get(env);
  if (seen === undefined) reported.set(env, (seen = new Set()));
  return seen;
}

/** Config problems already told to the operator another way (the local server's start-up report): no line repeats them. */
export function problemsReported(env: object, messages: readonly string[]): void {
  const seen = reportedFor(env);
  for (const message of messages) seen.add(message);
}
