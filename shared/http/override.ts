import type { Config } from '../config/types.js';
import { createOverrideReader, type OverrideReading } from '../override/reader.js';
import type { SettingsReaderSource } from '../override/types.js';
import { logEvent } from './log.js';
import type { AppContext, Platform } from './types.js';

/** What a Pivot app that asks whether the business is open may be given. */
export interface PivotAppOptions {
  /** Where the owner's override is stored on this platform; unset: the switch is not wired. */
  readonly settings?: SettingsReaderSource | undefined;
}

/** The override as this call knows it (see OverrideReading); never throws, never waits long. */
export type OverrideLookup = (c: AppContext, config: Config) => Promise<OverrideReading>;

const OFF: OverrideReading = { override: null, status: 'off' };

/**
 * The override lookup of a Pivot app: one cached reader per config (per process or isolate) over
 * this platform's settings store. Without a source the switch is not wired (tests); a source that
 * finds no store (no R2 binding, no RECORDINGS_BUCKET) turns it off with one warning.
 */
export function overrideLookup(platform: Platform, source: SettingsReaderSource | undefined): OverrideLookup | undefined {
  if (source === undefined) return undefined;
  const readers = new WeakMap<Config, ReturnType<typeof createOverrideReader> | null>();
  return async (c, config) => {
    let reader = readers.get(config);
    if (reader === undefined) {
      const store = storeOrWhy(() => source(platform.env(c), config));
      if (typeof store === 'string') logEvent('warn', 'override_off', { why: store });
      reader = typeof store === 'string' ? null : createOverrideReader({ store, log: logEvent });
      readers.set(config, reader);
    }
    if (reader === null) return OFF;
    // Lambda holds the response until waitUntil work is done (lambdaHandler), so a late read is
    // left to finish by itself there; Workers would cancel it with the request without waitUntil.
    return reader.read(platform.name === 'lambda' ? undefined : (work) => keepAlive(platform, c, work));
  };
}

function storeOrWhy<T>(make: () => T | undefined): T | string {
  const why = 'no store for settings (Workers: the R2 binding RECORDINGS; Lambda: RECORDINGS_BUCKET), so the owner\'s "closed until" switch is off';
  try {
    return make() ?? why;
  } catch (error) {
    return `${why}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function keepAlive(platform: Platform, c: AppContext, work: Promise<void>): void {
  try {
    platform.waitUntil(c, work);
  } catch {
    // No execution context (an app called without one): the read simply finishes on its own.
  }
}
