/**
 * `npm run check-config`: read `.env` (and the shell) as the server would, print what was
 * understood and every spoken text verbatim, and exit 1 when any variable is invalid. Safe to run
 * in CI before a deploy; `npm run deploy:workers` and `npm run deploy:lambda` run it first.
 * `--settings PATH` reads another file instead of `./.env`.
 */
import { existsSync } from 'node:fs';
import { loadEnvFile } from '../shared/platform/env-file.js';
import { localOverrideLine } from '../shared/override/local-report.js';
import { configReport } from './config-report.js';

const at = process.argv.indexOf('--settings');
loadEnvFile(at === -1 ? undefined : process.argv[at + 1]);
const report = configReport(process.env);
for (const line of report.lines) console.log(line);
// The owner's "closed until…" switch, as the local server's store holds it.
console.log(await localOverrideLine(report.config.recordingsDir, report.config, new Date()));
if (existsSync('.dev.vars')) console.log('note: .dev.vars is not read (npm run dev:workers reads .env, as everything else does): move its variables into .env');
for (const error of report.errors) console.error(error);
process.exitCode = report.errors.length > 0 ? 1 : 0;
