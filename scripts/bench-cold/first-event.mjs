// One cold start for `npm run bench:cold`, in a fresh plain `node` process (no tsx, no loader hooks):
// import the Lambda bundle and answer the first event, timed from just before the import to the
// handler's result. The event is read first: it is the platform's input, not the function's work.
// `node first-event.mjs <bundle.mjs> <event.json>`; prints one line `COLD {"ms":…,"status":…}`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'pivot-edge-bench',
  awsRequestId: 'c5b2f8a4-0d6e-4c59-a0f1-6a3b9e2d7c11',
  getRemainingTimeInMillis: () => 30_000,
};
const start = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const result = await handler(event, context);
const ms = performance.now() - start;
// After the function's own log line (stdout), so the parent finds it last.
process.stdout.write(`\nCOLD ${JSON.stringify({ ms, status: result.statusCode })}\n`);
