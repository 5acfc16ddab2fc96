// The fuzz in the suite: a few hundred cases per Pivot-facing route, over real sockets to the local
// server and straight to app.fetch (`npm run fuzz` runs 10,000 per route). Seeded: a failure prints
// the seed and the command that replays the very case. PIVOT_EDGE_FUZZ_SEED picks another seed.
import { describe, expect, it } from 'vitest';
import { FUZZ_ENDPOINTS } from '../../tools/fuzz/case.js';
import { formatReport, runFuzz } from '../../tools/fuzz/run.js';

const SEED = Number(process.env.PIVOT_EDGE_FUZZ_SEED ?? 20261130);
const PER_ENDPOINT = 200;

describe(`fuzz (seed ${SEED})`, () => {
  it(`${PER_ENDPOINT} cases per route: right statuses, valid flows, 0 5xx, 0 empty bodies, 0 hangs, a clean log`, async () => {
    const report = await runFuzz({ perEndpoint: PER_ENDPOINT, seed: SEED, deadlineMs: 15_000 });
    const text = formatReport(report, 'npm run fuzz --');
    expect(report.failures, text).toEqual([]);
    expect(report.log.findings, text).toEqual([]);
    for (const endpoint of FUZZ_ENDPOINTS) {
      const figures = report.endpoints[endpoint];
      expect(figures?.cases, text).toBe(PER_ENDPOINT);
      // Not vacuous: most cases reach the endpoint and are answered; the refusals are there too.
      const success = (figures?.http[endpoint === 'uploads' ? '201' : '200'] ?? 0) / PER_ENDPOINT;
      expect(success, text).toBeGreaterThan(0.3);
      expect(Object.keys(figures?.http ?? {}).filter((status) => status.startsWith('4')).length, text).toBeGreaterThanOrEqual(3);
      expect(Object.values(figures?.inProcess ?? {}).reduce((sum, n) => sum + n, 0), text).toBeGreaterThan(PER_ENDPOINT / 2);
    }
  }, 180_000);
});
