/** What callers hear when the owner has not written their own words. */
export const DEFAULT_GREETING_OPEN = 'Thank you for calling. Please hold while we connect you.';
export const DEFAULT_GREETING_CLOSED =
  'Thank you for calling. {reason} We are closed right now. We reopen {next_open}. Please leave a message.';
export const DEFAULT_BUSINESS_HOURS = 'Mo-Fr 09:00-17:00';
export const DEFAULT_RECORDINGS_DIR = './data/recordings';

/** Kazoo's default client URL blacklist (kazoo_web client.blacklist): flows handing these hosts out are rejected. */
export const KAZOO_REFUSED_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

/** Languages Kazoo's TwiML `<Say language>` accepts; anything else makes Kazoo hang up. */
export const TWIML_LANGUAGES = ['en', 'en-gb', 'es', 'fr', 'de', 'it'] as const;

/**
 * The longest message, in seconds. Our own voicemail is `record_call` in both dialects, whose
 * `time_limit` the schema bounds to 5..10800 and Kazoo caps at `media.max_recording_time_limit`
 * (10800 by default, `kz_media_util`). TwiML's `<Record>` (`kzt_twiml_util` `max_length` 3600,
 * hang-up above) is not used for it, so the limit means the same whatever the dialect.
 */
export const MAX_RECORDING_SECONDS = 10800;
export const RECORDING_LIMIT_WHY = "three hours, Kazoo's own limit for a recording";
