import { KAZOO_REFUSED_HOSTS } from '../../shared/config/defaults.js';

/** One line of the doctor's report. */
export interface CheckResult {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'warn' | 'skip';
  readonly detail: string;
  /** What to do about a fail or a warning. */
  readonly fix?: string;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, status: 'pass', detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, status: 'fail', detail, fix });
export const warn = (name: string, detail: string, fix: string): CheckResult => ({ name, status: 'warn', detail, fix });
export const skip = (name: string, detail: string): CheckResult => ({ name, status: 'skip', detail });

// Words owners leave in from examples and templates (wrangler.toml, README, .env.example).
const PLACEHOLDER = /your[-_]?subdomain|your[-_](domain|host|account|token)|example\.(com|org|net)|changeme|<[^>]*>|\{[^}]*\}/i;

/** Why Kazoo cannot use this URL as a voice_url or a URL handed out in an answer, or undefined when it can. */
export function urlProblem(url: string): { readonly problem: string; readonly fix: string } | undefined {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return { problem: `${url} is not an absolute http(s) URL`, fix: 'set PUBLIC_BASE_URL (or the *_URL variables) to absolute https:// addresses' };
  const parsed = new URL(url);
  // The query carries one call's facts (reason, caller): the address is what needs fixing.
  const shown = `${parsed.protocol}//${parsed.username === '' ? '' : `${parsed.username}:•••@`}${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  if (PLACEHOLDER.test(parsed.host) || PLACEHOLDER.test(decodeURIComponent(parsed.pathname))) {
    return { problem: `${shown} still has a placeholder in it`, fix: 'replace YOUR-SUBDOMAIN and the like with your real address (wrangler.toml, .env, the SAM parameters)' };
  }
  if (KAZOO_REFUSED_HOSTS.has(parsed.hostname)) {
    return { problem: `${shown} is on ${parsed.hostname}, which Kazoo refuses`, fix: 'set PUBLIC_BASE_URL to the public address Kazoo reaches (a tunnel for a local server)' };
  }
  if (parsed.protocol !== 'https:') return { problem: `${shown} is http: the token travels in clear`, fix: 'use the https:// address' };
  return undefined;
}

/** Report lines: one per check, a fix hint under each fail or warning. */
export function doctorReport(checks: readonly CheckResult[]): string {
  const mark = { pass: '✓', fail: '✗', warn: '⚠', skip: '–' } as const;
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines = checks.flatMap((check) => [
    `${mark[check.status]} ${check.name.padEnd(width)}  ${check.detail}`,
    ...(check.fix === undefined ? [] : [`  ${' '.repeat(width)}  fix: ${check.fix}`]),
  ]);
  const failed = checks.filter((check) => check.status === 'fail').length;
  lines.push(failed === 0 ? 'ready for real calls' : `${failed} check${failed === 1 ? '' : 's'} failed: a real call would go wrong there`);
  return lines.join('\n');
}
