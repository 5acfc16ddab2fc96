// What `npm run check-config` prints, shared with the deploy scripts (which refuse on an error).
import { formatSpokenTexts } from '../shared/calls/spoken-texts.js';
import { parseConfig, type Config } from '../shared/config/index.js';
import { explainHours } from '../shared/hours/index.js';

export interface ConfigReport {
  readonly config: Config;
  /** Lines for stdout: what was understood, every spoken text verbatim, the warnings. */
  readonly lines: readonly string[];
  /** One line per invalid variable (for stderr); non-empty means "do not deploy". */
  readonly errors: readonly string[];
}

/** Parse `env` as every platform does and describe it; never throws. */
export function configReport(env: Readonly<Record<string, unknown>>, now = new Date()): ConfigReport {
  const config = parseConfig(env);
  const lines: string[] = [];
  if (config.timeZone !== undefined && config.hours !== undefined) lines.push(explainHours(config.hours, config.timeZone, now));
  lines.push(`FORCE_STATE=${config.forceState}, RESPONSE_FORMAT=${config.responseFormat}`);
  lines.push(`front desk: ${config.frontDesk === undefined ? 'none set' : JSON.stringify(config.frontDesk)}`);
  lines.push(`voicemail: ${config.voicemailBoxId === undefined ? 'recorded into /recordings' : `Kazoo box ${config.voicemailBoxId}`}`);
  if (config.menu !== undefined) lines.push(`menu keys: ${[...config.menu.entries.keys()].join(', ')}`);
  const { callers } = config;
  if (callers.vipNumbers.size + callers.blockedNumbers.size > 0) lines.push(`callers: ${callers.vipNumbers.size} VIP, ${callers.blockedNumbers.size} blocked`);
  // The URL never carries credentials here: they were moved into the Authorization header.
  if (callers.lookup !== undefined) lines.push(`caller lookup: ${callers.lookup.method.toUpperCase()} ${callers.lookup.url}, ${callers.lookup.timeoutMs} ms`);
  // Verbatim, so an owner sees exactly what callers will hear (quoting slips show up here).
  lines.push(formatSpokenTexts(config, now));
  for (const warning of config.warnings) lines.push(`warning: ${warning}`);
  return { config, lines, errors: config.problems.map((problem) => `error: ${problem.message}`) };
}
