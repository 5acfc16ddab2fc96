import type { Config } from '../config/types.js';
import type { BlobStore } from '../storage/types.js';

/**
 * The owner's runtime switch ("closed until 14:00"), exactly as stored in
 * `settings/override.json`: `until` is an ISO instant, or `next-change` (until the schedule next
 * turns to the other state: a closed switch ends at the next opening, an open one at the next closing).
 */
export interface HoursOverride {
  readonly state: 'open' | 'closed';
  readonly until: string;
  /** ISO instant the owner set it; `next-change` is counted from here. */
  readonly setAt: string;
}

export const NEXT_CHANGE = 'next-change';

/** Where the override lives, next to the recordings in the platform's store. */
export const OVERRIDE_KEY = 'settings/override.json';

/**
 * The longest an override may last (also `next-change`, counted from `setAt`): longer closures
 * belong in BUSINESS_HOURS (`Jul 20-Aug 10 off "Summer break"`), where they cannot be forgotten.
 */
export const OVERRIDE_MAX_DAYS = 90;

/** This platform's store for the settings (R2 binding, S3 bucket, directory); undefined when it has none. */
export type SettingsSource = (env: Readonly<Record<string, unknown>>, config: Config) => SettingsStore | undefined;

/** Where front-desk, collected and gathered read the override: reading is all they do. */
export type SettingsReaderSource = (env: Readonly<Record<string, unknown>>, config: Config) => Pick<SettingsStore, 'getText'> | undefined;

/** The part of a BlobStore the override needs. */
export type SettingsStore = Pick<BlobStore, 'getText' | 'putBytes' | 'delete'>;
