import type { Config } from '../../shared/config/types.js';
import { summarizeHours } from '../../shared/hours/index.js';

/** What the owner sees at start: where to point Kazoo, what we understood, and what is wrong. */
export function startupReport(config: Config, origin: string, now: Date): string {
  const base = config.publicBaseUrl ?? origin;
  const lines = [`pivot-edge listening on ${origin}`, `voice_url for your Kazoo pivot callflow: ${config.endpointUrls['front-desk'] ?? `${base}/front-desk`}`];
  if (config.publicBaseUrl === undefined) {
    lines.push('note: Kazoo refuses localhost URLs; set PUBLIC_BASE_URL to the public address (a tunnel) that reaches this server');
  }
  lines.push(hoursLine(config, now));
  for (const warning of config.warnings) lines.push(`warning: ${warning}`);
  for (const problem of config.problems) lines.push(`config error: ${problem.message} (calls get the fallback flow)`);
  return lines.join('\n');
}

function hoursLine(config: Config, now: Date): string {
  if (config.timeZone === undefined || config.hours === undefined) return 'hours: unknown (see the config errors below)';
  const summary = summarizeHours(config.hours, config.timeZone, now);
  return config.forceState === 'auto' ? summary : `${summary} (FORCE_STATE=${config.forceState} overrides this)`;
}
