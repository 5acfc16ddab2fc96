/**
 * `npm run deploy:lambda`: the SAM path of `.env`. Runs the config check, checks every value
 * against template.yaml's parameter constraints, builds (`build:lambda`, `sam build`), then
 * `sam deploy --parameter-overrides ...` with every setting from `.env` (unset ones get the
 * template's default). `-- --dry-run` prints the overrides (secret values never) and deploys
 * nothing; `-- --settings PATH` reads another file; any other argument goes to `sam deploy`
 * (e.g. `-- --region eu-west-1 --stack-name acme-pivot`). Exit 1, before building, on any error.
 */
import { execFileSync } from 'node:child_process';
import { buildLambdas } from './build-lambda.js';
import { planLambda } from './deploy/lambda-plan.js';
import { printPlanOrExit, readSettingsOrExit, root } from './deploy/settings.js';

const args = process.argv.slice(2);
const envFileAt = args.indexOf('--settings');
const envFile = envFileAt === -1 ? undefined : args[envFileAt + 1];
const dryRun = args.includes('--dry-run');
const passThrough = args.filter((arg, index) => arg !== '--dry-run' && index !== envFileAt && index !== envFileAt + 1);

const settings = readSettingsOrExit(envFile);
const plan = planLambda(settings);
printPlanOrExit(plan, settings.file, dryRun);

try {
  execFileSync('sam', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('the AWS SAM CLI is not installed (README "Deploy: AWS Lambda")');
  process.exit(1);
}
await buildLambdas();
execFileSync('sam', ['build'], { cwd: root, stdio: 'inherit' });
const defaults = passThrough.includes('--stack-name') ? [] : ['--stack-name', 'pivot-edge'];
execFileSync(
  'sam',
  ['deploy', ...defaults, '--capabilities', 'CAPABILITY_IAM', '--resolve-s3', '--no-fail-on-empty-changeset', '--parameter-overrides', plan.argument, ...passThrough],
  { cwd: root, stdio: 'inherit' },
);
