import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Config } from '../../shared/config/types.js';
import { summarizeHours } from '../../shared/hours/index.js';
import { describeOverride } from '../../shared/override/describe.js';
import type { HoursOverride } from '../../shared/override/types.js';

/** The owner's override as read at start: the stored one (or null), or why it could not be read. */
export type OverrideAtStart = HoursOverride | null | { readonly unreadable: string };

/**
 * What the owner sees at start: where to point Kazoo, what we understood, and what is wrong;
 * `problems` are those only a running server can find (an unwritable RECORDINGS_DIR).
 */
export function startupReport(config: Config, origin: string, now: Date, override: OverrideAtStart = null, problems: readonly string[] = []): string {
  const base = config.publicBaseUrl ?? origin;
  const voiceUrl = config.endpointUrls['front-desk'] ?? `${base}/front-desk`;
  // The token itself is never printed: only where it goes.
  const shown = config.pivotToken === undefined ? voiceUrl : voiceUrl.replace('://', '://pivot:<PIVOT_TOKEN>@');
  const lines = [`pivot-edge listening on ${origin}`, `voice_url for your Kazoo pivot callflow: ${shown}`];
  if (config.publicBaseUrl === undefined) {
    lines.push('note: Kazoo refuses localhost URLs; set PUBLIC_BASE_URL to the public address (a tunnel) that reaches this server');
  }
  const unreadable = override !== null && 'unreadable' in override ? override.unreadable : undefined;
  const active = override === null || 'unreadable' in override ? undefined : describeOverride(override, config, now);
  // While the owner's switch is on, "closed now, opens 13:00" is only what the hours alone say.
  lines.push(active === undefined ? hoursLine(config, now) : `${hoursLine(config, now)} (by the hours alone: the override below decides until it ends)`);
  if (unreadable !== undefined) lines.push(`warning: the owner's override (closed until...) could not be read: ${unreadable}`);
  if (active !== undefined) lines.push(`override: ${active}`);
  for (const warning of config.warnings) lines.push(`warning: ${warning}`);
  for (const problem of [...config.problems.map((found) => found.message), ...problems]) lines.push(`config error: ${problem}`);
  if (config.problems.length + problems.length > 0) {
    lines.push('calls are still answered: a bad value uses its default, and where the hours or the menu cannot be known, callers get the fallback (voicemail, or the front desk)');
  }
  return lines.join('\n');
}

function hoursLine(config: Config, now: Date): string {
  if (config.timeZone === undefined || config.hours === undefined) return 'hours: unknown (see the config errors below)';
  const summary = summarizeHours(config.hours, config.timeZone, now);
  return config.forceState === 'auto' ? summary : `${summary} (FORCE_STATE=${config.forceState} overrides this)`;
}

/**
 * Why uploads could not be stored under RECORDINGS_DIR, or undefined: the folder (or, before the
 * first upload creates it, the nearest folder above it) must be a directory this process may
 * write. Nothing is created here.
 */
export async function recordingsDirProblem(dir: string): Promise<string | undefined> {
  let path = resolve(dir);
  for (;;) {
    const found = await stat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : error));
    if (found instanceof Error) return `RECORDINGS_DIR: ${dir} cannot be read (${found.code ?? found.message}): uploads will be refused (503) until it is fixed`;
    if (found !== undefined) {
      if (!found.isDirectory()) return `RECORDINGS_DIR: ${path === resolve(dir) ? dir : path} is not a directory: uploads will be refused (503) until it is fixed`;
      const writable = await access(path, constants.W_OK).then(() => true, () => false);
      return writable ? undefined : `RECORDINGS_DIR: ${path} is not writable by this process: uploads will be refused (503) until it is fixed`;
    }
    if (dirname(path) === path) return undefined;
    path = dirname(path);
  }
}
