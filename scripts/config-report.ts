// What `npm run check-config` prints, shared with the deploy scripts (which refuse on an error).
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
  // Verbatim, so an owner sees exactly what callers will hear (quoting slips show up here).
  lines.push(`spoken when open (GREETING_OPEN): ${spoken(config.greetingOpen)}`);
  lines.push(`spoken when closed (GREETING_CLOSED): ${spoken(config.greetingClosed)}`);
  if (config.menu !== undefined) {
    lines.push(`menu keys: ${[...config.menu.entries.keys()].join(', ')}`);
    lines.push(`spoken as the menu (MENU_PROMPT): ${spoken(config.menu.prompt)}`);
  }
  for (const warning of config.warnings) lines.push(`warning: ${warning}`);
  return { config, lines, errors: config.problems.map((problem) => `error: ${problem.message}`) };
}

const spoken = (text: string): string => (text === '' ? '(nothing: turned off with "none")' : JSON.stringify(text));
