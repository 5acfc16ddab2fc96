// npm run fuzz [-- --per-endpoint 10000] [--seed N] [--endpoint front-desk] [--case 17] [--concurrency 8]
// The full fuzz of every Pivot-facing route (tools/fuzz); exit code 1 on any finding.
import { parseArgs } from 'node:util';
import { FUZZ_ENDPOINTS, type FuzzEndpoint } from '../tools/fuzz/case.js';
import { formatReport, runFuzz } from '../tools/fuzz/run.js';

const { values } = parseArgs({
  options: {
    'per-endpoint': { type: 'string', default: '10000' },
    seed: { type: 'string' },
    endpoint: { type: 'string', multiple: true },
    case: { type: 'string', multiple: true },
    concurrency: { type: 'string', default: '8' },
    'deadline-ms': { type: 'string', default: '10000' },
  },
});

const endpoints = (values.endpoint ?? [...FUZZ_ENDPOINTS]) as FuzzEndpoint[];
for (const endpoint of endpoints) {
  if (!FUZZ_ENDPOINTS.includes(endpoint)) {
    console.error(`unknown endpoint ${endpoint}: one of ${FUZZ_ENDPOINTS.join(', ')}`);
    process.exit(2);
  }
}
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const only = values.case?.map(Number);
const perEndpoint = Number(values['per-endpoint']);
console.log(`fuzz: seed ${seed} (replay with --seed ${seed}), ${only === undefined ? perEndpoint : only.length} cases per endpoint: ${endpoints.join(', ')}`);
let shown = 0;
const report = await runFuzz({
  perEndpoint,
  seed,
  endpoints,
  ...(only === undefined ? {} : { only }),
  concurrency: Number(values.concurrency),
  deadlineMs: Number(values['deadline-ms']),
  onProgress: (endpoint, done, total) => {
    if (process.stderr.isTTY && (done === total || Date.now() - shown > 500)) {
      shown = Date.now();
      process.stderr.write(`\r  ${endpoint} ${done}/${total}   ${done === total ? '\n' : ''}`);
    }
  },
});
console.log(formatReport(report));
process.exit(report.failures.length === 0 && report.log.findings.length === 0 ? 0 : 1);
