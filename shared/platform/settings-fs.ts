import type { SettingsSource } from '../override/types.js';
import { createFsBlobStore } from '../storage/fs.js';

/** Node: settings under RECORDINGS_DIR (default ./data/recordings), next to the recordings. */
export const fsSettingsStore: SettingsSource = (_env, config) => createFsBlobStore(config.recordingsDir);
