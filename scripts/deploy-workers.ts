/**
 * `npm run deploy:workers`: push `.env` to the four per-endpoint Workers (vars as `--var`, secrets
 * with `--secrets-file`, so they arrive with the code and no Worker runs without its token), after
 * the config check. `-- --dry-run` prints what would go where (secret values never) and deploys
 * nothing; `-- --all-in-one` deploys the one Worker serving every path instead; `-- --settings PATH` (not `--env-file`, which tsx hands to Node)
 * reads another file than `./.env`. Exit 1, before deploying anything, on any error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printPlanOrExit, readSettingsOrExit, root } from './deploy/settings.js';
import { planWorkers, wranglerArgs } from './deploy/workers-plan.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dryRun = args.includes('--dry-run');

const settings = readSettingsOrExit(option('--settings'));
const plan = planWorkers(settings, { allInOne: args.includes('--all-in-one') });
printPlanOrExit(plan, settings.file, dryRun);

const dir = mkdtempSync(join(tmpdir(), 'pivot-edge-secrets-'));
try {
  for (const worker of plan.workers) {
    let secretsFile: string | undefined;
    if (worker.secrets.size > 0) {
      secretsFile = join(dir, `${worker.env || 'all-in-one'}.json`);
      writeFileSync(secretsFile, JSON.stringify(Object.fromEntries(worker.secrets)), { mode: 0o600 });
    }
    execFileSync(process.execPath, [join(root, 'node_modules/wrangler/bin/wrangler.js'), ...wranglerArgs(worker, secretsFile)], { cwd: root, stdio: 'inherit' });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
