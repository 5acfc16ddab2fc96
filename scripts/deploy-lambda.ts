/**
 * `npm run deploy:lambda`: the SAM path of `.env`. Runs the config check, checks every value
 * against template.yaml's parameter constraints, builds (`build:lambda`, `sam build`), then
 * `sam deploy --parameter-overrides ...` with every setting from `.env` (unset ones get the
 * template's default). `-- --dry-run` prints the overrides (secret values never) and deploys
 * nothing; `-- --env-file PATH` reads another file; any other argument goes to `sam deploy`
 * (e.g. `-- --region eu-west-1 --stack-name acme-pivot`). Exit 1, before building, on any error.
 */
import { execFileSync } from 'node:child_process';
import { buildLambdas } from './build-lambda.js';
import { planLambda } from './deploy/lambda-plan.js';
import { readSettings, root } from './deploy/settings.js';

const args = process.argv.slice(2);
const envFileAt = args.indexOf('--env-file');
const envFile = envFileAt === -1 ? undefined : args[envFileAt + 1];
const dryRun = args.includes('--dry-run');
const passThrough = args.filter((arg, index) => arg !== '--dry-run' && index !== envFileAt && index !== envFileAt + 1);

const settings = readSettings(envFile);
const plan = planLambda(settings);
for (const line of plan.lines) console.log(line);
for (const note of plan.notes) console.log(note);
for (const error of plan.errors) console.error(error);
if (plan.errors.length > 0) {
  console.error(`nothing deployed: fix ${settings.file} (npm run check-config shows what it means)`);
  process.exit(1);
}
if (dryRun) {
  console.log('dry run: nothing deployed');
  process.exit(0);
}

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
