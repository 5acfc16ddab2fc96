import type { Config } from '../../shared/config/types.js';
import { PivotEdgeError } from '../../shared/errors.js';
import { createR2BlobStore, type R2BucketLike } from '../../shared/storage/r2.js';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { RecordingStore } from '../../shared/storage/types.js';

/** Workers: recordings in the R2 binding `RECORDINGS`. */
export function r2RecordingStore(env: Readonly<Record<string, unknown>>, _config?: Config): RecordingStore {
  const bucket = env.RECORDINGS as R2BucketLike | undefined;
  if (bucket === undefined || typeof bucket.put !== 'function') {
    throw new PivotEdgeError('storage_not_configured', 'The R2 binding RECORDINGS is missing (wrangler.toml r2_buckets).', 503);
  }
  return createRecordingStore(createR2BlobStore(bucket));
}
