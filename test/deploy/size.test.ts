// `npm run size` as a test: each Worker bundled as `wrangler deploy --dry-run` bundles it, gzip
// under its limit (front-desk 40 KB, the others 30 KB), no AWS code in a Worker; over a limit the
// message names the biggest imports and who imports them.
import { describe, expect, it } from 'vitest';
import { measureWorker, report, workerEnvironments, type WorkerSize } from '../../scripts/size.js';

describe('Worker bundle sizes', () => {
  it('stay under their gzip limits and carry no AWS SDK code', async () => {
    const sizes: WorkerSize[] = [];
    for (const env of workerEnvironments()) sizes.push(await measureWorker(env));
    const text = report(sizes);
    console.log(text);
    for (const size of sizes) {
      expect(size.forbidden, `${size.env}: AWS code in a Worker\n${text}`).toEqual([]);
      if (size.limit !== undefined) expect(size.gzip, `${size.env || 'all-in-one'} over its limit\n${text}`).toBeLessThanOrEqual(size.limit);
    }
  }, 240_000);
});
