/** How prompts are spoken; `language` is one of the TwiML-safe codes (en, en-gb, es, fr, de, it). */
export interface Speech {
  readonly voice: 'female' | 'male';
  readonly language: string;
}

/** Kazoo's Callflow tts takes full locale codes; TwiML's `<Say>` maps the short ones itself. */
export function callflowLanguage(language: string): string {
  if (language === 'en') return 'en-US';
  if (language === 'en-gb') return 'en-GB';
  return language;
}
