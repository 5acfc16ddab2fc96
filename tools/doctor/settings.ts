import { fail, pass, skip, urlProblem, warn, type CheckResult } from './checks.js';
import type { ListedRecording } from './round-trip.js';

const DAY_MS = 86_400_000;

/**
 * RETENTION_DAYS and NOTIFY_WEBHOOK_URL as far as they can be seen from here: the deployment's
 * settings when its .env is beside the doctor, and the listing (a recording older than the
 * retention means the sweep does not run).
 */
export function settingsChecks(env: Readonly<Record<string, string | undefined>> | undefined, listed: readonly ListedRecording[] | undefined, now = new Date()): CheckResult[] {
  if (env === undefined) {
    return [skip('retention, notifications', 'the deployment\'s settings are not visible from here (run the doctor beside its .env)')];
  }
  const checks: CheckResult[] = [];
  const days = env.RETENTION_DAYS?.trim();
  if (days === undefined || days === '') checks.push(warn('retention', 'RETENTION_DAYS is unset: recordings are kept forever', 'set RETENTION_DAYS (e.g. 90) if callers\' messages should not pile up'));
  else if (!/^\d+$/.test(days) || Number(days) < 1) checks.push(fail('retention', `RETENTION_DAYS is "${days}", not a whole number of days`, 'set RETENTION_DAYS to a number like 90'));
  else {
    const oldest = Math.min(...(listed ?? []).map((item) => (item.receivedAt === undefined ? Infinity : Date.parse(item.receivedAt))));
    const overdue = Number.isFinite(oldest) && now.getTime() - oldest > (Number(days) + 1) * DAY_MS;
    checks.push(
      overdue
        ? fail('retention', `RETENTION_DAYS=${days}, but a recording from ${new Date(oldest).toISOString().slice(0, 10)} is still listed: the sweep is not running`, 'Workers: keep the cron trigger; Lambda: the S3 lifecycle rule; Node: keep the server running')
        : pass('retention', `recordings older than ${days} days are deleted${listed === undefined ? '' : ' (none overdue in the listing)'}`),
    );
  }
  const webhook = env.NOTIFY_WEBHOOK_URL?.trim();
  if (webhook === undefined || webhook === '') checks.push(warn('notifications', 'NOTIFY_WEBHOOK_URL is unset: nobody is told about a new voicemail', 'set NOTIFY_WEBHOOK_URL (NOTIFY_FORMAT=slack for a Slack incoming webhook)'));
  else {
    const problem = urlProblem(webhook);
    // The webhook URL may itself be a secret (Slack): only its host is shown.
    const host = URL.canParse(webhook) ? new URL(webhook).host : 'an unreadable URL';
    checks.push(problem === undefined ? pass('notifications', `a ${env.NOTIFY_FORMAT ?? 'json'} notice per voicemail to ${host}`) : fail('notifications', `NOTIFY_WEBHOOK_URL (${host}) cannot be used: ${problem.problem.replace(webhook, 'it')}`, problem.fix));
  }
  return checks;
}
