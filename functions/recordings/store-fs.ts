import type { Config } from '../../shared/config/types.js';
import { createFsBlobStore } from '../../shared/storage/fs.js';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { RecordingStore } from '../../shared/storage/types.js';

/** Node: recordings under RECORDINGS_DIR (default ./data/recordings), created on first write. */
export function fsRecordingStore(_env: Readonly<Record<string, unknown>>, config: Config): RecordingStore {
  return createRecordingStore(createFsBlobStore(config.recordingsDir));
}
