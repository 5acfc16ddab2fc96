import { KAZOO_REFUSED_HOSTS } from './defaults.js';
import type { EnvReader } from './read.js';
import type { Config } from './types.js';

/**
 * What the owner should be told about settings that work but may not do what they expect. Given
 * only where an owner reads it (start-up, check-config: parseConfig), never to the functions that
 * answer calls, so its words stay out of their bundles.
 */
export function adviseSettings(read: EnvReader, config: Omit<Config, 'warnings'>): string[] {
  const warnings: string[] = [];
  if (config.pivotToken === undefined) warnings.push('PIVOT_TOKEN is unset: any caller of these URLs is answered');
  for (const [name, url] of read.urls) {
    const { hostname } = new URL(url);
    if (KAZOO_REFUSED_HOSTS.has(hostname)) warnings.push(`${name}: Kazoo refuses URLs on ${hostname}; use an address Kazoo can reach`);
  }
  if (!config.language.startsWith('en')) {
    warnings.push(
      `TTS_LANGUAGE=${read.text('TTS_LANGUAGE')}: Kazoo's default speech engine (flite) ignores the language and reads with an English voice, unless your platform has another engine set up (ask your provider); the built-in prompts and default greetings are English`,
    );
  }
  // Notices link only to configured URLs (never the request's Host), so without one they carry none.
  if (config.notify !== undefined && read.text('PUBLIC_BASE_URL') === undefined && read.text('RECORDINGS_URL') === undefined) {
    warnings.push('NOTIFY_WEBHOOK_URL without PUBLIC_BASE_URL or RECORDINGS_URL: notices cannot link to the message');
  }
  return warnings;
}
