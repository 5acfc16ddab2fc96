import { TWIML_LANGUAGES } from './defaults.js';
import type { EnvReader } from './read.js';

/** Regional spellings owners write, mapped to what TwiML accepts (`en-US` makes Kazoo hang up). */
const ALIASES: Readonly<Record<string, string>> = { 'en-us': 'en', 'en-uk': 'en-gb', 'es-es': 'es', 'fr-fr': 'fr', 'de-de': 'de', 'it-it': 'it' };

/** TTS_LANGUAGE, normalised to one of the TwiML-safe languages. */
export function readLanguage(read: EnvReader): string {
  const raw = read.text('TTS_LANGUAGE');
  if (raw === undefined) return 'en';
  const lower = raw.toLowerCase().replace('_', '-');
  const language = ALIASES[lower] ?? lower;
  if ((TWIML_LANGUAGES as readonly string[]).includes(language)) return language;
  read.problem('TTS_LANGUAGE', `expected one of ${TWIML_LANGUAGES.join(', ')}, found "${raw}"`);
  return 'en';
}
