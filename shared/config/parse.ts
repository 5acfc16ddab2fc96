import type { CallSettings, CallsReader } from './calls.js';
import { DEFAULT_RECORDINGS_DIR } from './defaults.js';
import { readLanguage } from './language.js';
import { EnvReader } from './read.js';
import type { ScheduleReader } from './schedule.js';
import type { CallersConfig, Config, Endpoint, RingTarget } from './types.js';

/** Reads VIP_NUMBERS, BLOCKED_NUMBERS, CALLER_LOOKUP_* ...; injected so only front-desk bundles it. */
export type CallersReader = (read: EnvReader, frontDesk: RingTarget | undefined) => CallersConfig;

/** What a function that never decides by caller sees (collected, gathered, recordings). */
const NO_CALLERS: CallersConfig = Object.freeze({ vipNumbers: new Set<string>(), blockedNumbers: new Set<string>(), blockAnonymous: false });

/** What a function that answers no call (recordings, but for its goodbye) sees: the defaults, greetings off, none of the variables read. */
const NO_CALLS: CallSettings = { forceState: 'auto', responseFormat: 'callflow', ringTimeout: 20, greetingOpen: '', greetingClosed: '', recordingFormat: 'mp3', maxRecordingSeconds: 300 };

/** What each function reads beyond the common settings; injected so a function bundles only the parsers it uses. */
export interface ConfigReaders {
  /** TIMEZONE and BUSINESS_HOURS (not `recordings`, beyond TIMEZONE). */
  readonly schedule?: ScheduleReader;
  /** FORCE_STATE, RESPONSE_FORMAT, FRONT_DESK_*, MENU, the greetings, our voicemail's settings (not `recordings`). */
  readonly calls?: CallsReader;
  /** VIP_NUMBERS, BLOCKED_NUMBERS, CALLER_LOOKUP_* (front-desk only). */
  readonly callers?: CallersReader;
  /** Warnings about settings that work but may surprise the owner (settings-advice.ts): where an owner reads them only. */
  readonly advice?: (read: EnvReader, config: Omit<Config, 'warnings'>) => readonly string[];
}

/**
 * Turn environment variables into the frozen, validated Config. Never throws: a bad variable
 * is left out and described in `problems`.
 */
export function parseConfigWith(env: Readonly<Record<string, unknown>>, readers: ConfigReaders = {}): Config {
  const read = new EnvReader(env);
  const { timeZone, hours } = readers.schedule?.(read) ?? {};
  const pivotToken = read.text('PIVOT_TOKEN');
  const notifyUrl = read.url('NOTIFY_WEBHOOK_URL', { secret: true });
  const calls = readers.calls?.(read) ?? NO_CALLS;
  const settings: Omit<Config, 'warnings'> = {
    ...defined('timeZone', timeZone),
    ...defined('hours', hours),
    ...calls,
    voice: read.choice('TTS_VOICE', ['female', 'male'], 'female'),
    language: readLanguage(read),
    ...defined('publicBaseUrl', read.url('PUBLIC_BASE_URL')),
    endpointUrls: readEndpointUrls(read),
    ...defined('pivotToken', pivotToken),
    ...defined('adminToken', read.text('ADMIN_TOKEN')),
    maxRecordingBytes: read.integer('MAX_RECORDING_MB', 1, 4096, 50) * 1024 * 1024,
    ...defined('retentionDays', read.optionalInteger('RETENTION_DAYS', 1, 36500)),
    ...defined('notify', notifyUrl && { url: notifyUrl, format: read.choice('NOTIFY_FORMAT', ['json', 'slack'], 'json') }),
    recordingsDir: read.text('RECORDINGS_DIR') ?? DEFAULT_RECORDINGS_DIR,
    ...defined('recordingsBucket', read.text('RECORDINGS_BUCKET')),
    port: read.integer('PORT', 1, 65535, 8787),
    logLevel: read.choice('LOG_LEVEL', ['info', 'warn', 'error'], 'info'),
    callers: readers.callers?.(read, calls.frontDesk) ?? NO_CALLERS,
    problems: Object.freeze(read.problems),
  };
  const warnings = [...(readers.advice?.(read, settings) ?? []), ...read.warnings];
  return Object.freeze({ ...settings, warnings: Object.freeze(warnings) });
}

const ENDPOINT_VARIABLES: Readonly<Record<Endpoint, string>> = {
  'front-desk': 'FRONT_DESK_URL',
  collected: 'COLLECTED_URL',
  gathered: 'GATHERED_URL',
  recordings: 'RECORDINGS_URL',
};

function readEndpointUrls(read: EnvReader): Partial<Record<Endpoint, string>> {
  const urls: Partial<Record<Endpoint, string>> = {};
  for (const [endpoint, variable] of Object.entries(ENDPOINT_VARIABLES) as [Endpoint, string][]) {
    const url = read.url(variable);
    if (url !== undefined) urls[endpoint] = url;
  }
  return Object.freeze(urls);
}

/** `{ key: value }` when value is defined, else `{}` (exactOptionalPropertyTypes forbids explicit undefined). */
function defined<K extends string, V>(key: K, value: V | undefined | ''): { [P in K]?: V } {
  return value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]: V });
}
