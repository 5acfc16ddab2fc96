// The deploy scripts in dry-run mode, from a .env written here (never the developer's): which vars
// and secrets go to which Worker, which SAM parameter overrides, and the refusals (a config error,
// a placeholder, a missing subdomain, a weak token, a value the template would refuse).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planLambda } from '../../scripts/deploy/lambda-plan.js';
import { readSettings } from '../../scripts/deploy/settings.js';
import { planWorkers, wranglerArgs } from '../../scripts/deploy/workers-plan.js';

const root = new URL('../../', import.meta.url).pathname;
const TOKEN = '0123456789abcdef0123456789abcdef';
const ADMIN = 'fedcba9876543210fedcba9876543210';
const HOOK = 'https://hooks.slack.com/services/T000/B000/XXXX';
const OWNER = [
  'TIMEZONE=America/Chicago',
  `BUSINESS_HOURS='Mo-Fr 08:00-12:00,13:00-17:00; Jan 01 off "New Year's Day"'`,
  'FRONT_DESK_DEVICE_ID=a1b2c3d4e5f60718293a4b5c6d7e8f90',
  `GREETING_OPEN="Thanks for calling Dr. O'Brien's office."`,
  'GREETING_CLOSED=',
  `PIVOT_TOKEN=${TOKEN}`,
  `ADMIN_TOKEN=${ADMIN}`,
  `NOTIFY_WEBHOOK_URL=${HOOK}`,
  'MAX_RECORDING_MB=4',
  'PORT=8787',
  'RECORDINGS_DIR=./data/recordings',
  'TIMEZOME=Europe/Paris',
];

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'pivot-edge-deploy-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));
let count = 0;
async function envFile(lines: readonly string[]): Promise<string> {
  const file = join(dir, `${(count += 1)}.env`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
const settingsOf = async (lines: readonly string[]) => readSettings(await envFile(lines), {});
const errorsOf = (errors: readonly string[]) => errors.join('\n');

describe('npm run deploy:workers -- --dry-run', () => {
  it('sends every setting to each of the four Workers, sibling URLs from WORKERS_SUBDOMAIN, secrets as secrets', async () => {
    const plan = planWorkers(await settingsOf([...OWNER, 'WORKERS_SUBDOMAIN=acme']));
    expect(plan.errors).toEqual([]);
    expect(plan.workers.map((worker) => [worker.env, worker.name])).toEqual([
      ['front-desk', 'pivot-edge-front-desk'],
      ['collected', 'pivot-edge-collected'],
      ['gathered', 'pivot-edge-gathered'],
      ['recordings', 'pivot-edge-recordings'],
    ]);
    for (const worker of plan.workers) {
      expect(Object.fromEntries(worker.vars)).toEqual({
        TIMEZONE: 'America/Chicago',
        BUSINESS_HOURS: `Mo-Fr 08:00-12:00,13:00-17:00; Jan 01 off "New Year's Day"`,
        FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        GREETING_OPEN: `Thanks for calling Dr. O'Brien's office.`,
        MAX_RECORDING_MB: '4',
        FRONT_DESK_URL: 'https://pivot-edge-front-desk.acme.workers.dev',
        COLLECTED_URL: 'https://pivot-edge-collected.acme.workers.dev',
        GATHERED_URL: 'https://pivot-edge-gathered.acme.workers.dev',
        RECORDINGS_URL: 'https://pivot-edge-recordings.acme.workers.dev',
      });
      expect(Object.fromEntries(worker.secrets)).toEqual({ PIVOT_TOKEN: TOKEN, ADMIN_TOKEN: ADMIN, NOTIFY_WEBHOOK_URL: HOOK });
    }
    expect(plan.notes).toContain('note: TIMEZOME is in ' + join(dir, `${count}.env`) + ' but pivot-edge does not read it (a typo?): not deployed');
    const printed = plan.lines.join('\n');
    expect(printed).toContain('pivot-edge-gathered (wrangler deploy --env gathered):');
    expect(printed).toContain('  secret PIVOT_TOKEN (value not shown)');
    for (const secret of [TOKEN, ADMIN, HOOK]) expect(printed).not.toContain(secret);
    expect(printed).toContain(`open greeting: "Thanks for calling Dr. O'Brien's office."`);
  });

  it('hands wrangler each var with --var and the secrets only as a file', async () => {
    const [worker] = planWorkers(await settingsOf([...OWNER, 'WORKERS_SUBDOMAIN=acme.workers.dev'])).workers;
    const args = wranglerArgs(worker!, '/tmp/secrets.json');
    expect(args.slice(0, 3)).toEqual(['deploy', '--env', 'front-desk']);
    expect(args).toContain(`GREETING_OPEN:Thanks for calling Dr. O'Brien's office.`);
    expect(args).toContain('FRONT_DESK_URL:https://pivot-edge-front-desk.acme.workers.dev');
    expect(args.slice(-2)).toEqual(['--secrets-file', '/tmp/secrets.json']);
    expect(args.join(' ')).not.toContain(TOKEN);
  });

  it('explicit *_URL and PUBLIC_BASE_URL are kept; the all-in-one Worker needs no sibling URLs', async () => {
    const withBase = planWorkers(await settingsOf([...OWNER, 'PUBLIC_BASE_URL=https://pivot.acme-dental.com']));
    expect(withBase.errors).toEqual([]);
    expect(withBase.workers[0]!.vars.get('PUBLIC_BASE_URL')).toBe('https://pivot.acme-dental.com');
    expect(withBase.workers[0]!.vars.has('COLLECTED_URL')).toBe(false);
    const allInOne = planWorkers(await settingsOf(OWNER), { allInOne: true });
    expect(allInOne.errors).toEqual([]);
    expect(allInOne.workers.map((worker) => [worker.env, worker.name])).toEqual([['', 'pivot-edge']]);
  });

  it('refuses without a way to reach the siblings, and names the variable to set', async () => {
    const plan = planWorkers(await settingsOf(OWNER));
    expect(errorsOf(plan.errors)).toMatch(/^error: FRONT_DESK_URL: the per-endpoint Workers hand Kazoo each other's addresses; set WORKERS_SUBDOMAIN/m);
  });

  it('refuses placeholders, a config error, a short token and a bad subdomain', async () => {
    const placeholder = planWorkers(await settingsOf([...OWNER, 'COLLECTED_URL=https://pivot-edge-collected.YOUR-SUBDOMAIN.workers.dev', 'WORKERS_SUBDOMAIN=acme']));
    expect(errorsOf(placeholder.errors)).toContain('error: COLLECTED_URL: still a placeholder ("https://pivot-edge-collected.YOUR-SUBDOMAIN.workers.dev")');
    const config = planWorkers(await settingsOf([...OWNER, 'WORKERS_SUBDOMAIN=acme', 'RING_TIMEOUT=2']));
    expect(errorsOf(config.errors)).toContain('error: RING_TIMEOUT: expected a whole number from 5 to 600, found "2"');
    const token = planWorkers(await settingsOf([...OWNER.filter((line) => !line.startsWith('PIVOT_TOKEN')), 'WORKERS_SUBDOMAIN=acme', 'PIVOT_TOKEN=short']));
    expect(errorsOf(token.errors)).toContain('error: PIVOT_TOKEN: a deployed endpoint needs a token of at least 24 characters (found 5)');
    expect(errorsOf(token.errors)).not.toContain('short"');
    const subdomain = planWorkers(await settingsOf([...OWNER, 'WORKERS_SUBDOMAIN=your subdomain']));
    expect(errorsOf(subdomain.errors)).toContain('error: WORKERS_SUBDOMAIN: expected your workers.dev subdomain');
  });

  it('the script exits 1 on a refusal and 0 on a clean dry run, deploying nothing either way', async () => {
    const run = (file: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/deploy-workers.ts', '--dry-run', '--settings', file], { cwd: root, timeout: 60_000 }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const [ok, refused] = await Promise.all([run(await envFile([...OWNER, 'WORKERS_SUBDOMAIN=acme'])), run(await envFile(OWNER))]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('var    RECORDINGS_URL="https://pivot-edge-recordings.acme.workers.dev"');
    expect(ok.stdout).toContain('dry run: nothing deployed');
    expect(ok.stdout + ok.stderr).not.toContain(TOKEN);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('set WORKERS_SUBDOMAIN');
    expect(refused.stderr).toContain('nothing deployed');
  }, 90_000);
});

describe('npm run deploy:lambda -- --dry-run', () => {
  it('builds one override per template parameter: .env values, template defaults for the rest', async () => {
    const plan = planLambda(await settingsOf(OWNER));
    expect(plan.errors).toEqual([]);
    const overrides = Object.fromEntries(plan.overrides);
    expect(overrides).toMatchObject({
      Timezone: 'America/Chicago',
      BusinessHours: `Mo-Fr 08:00-12:00,13:00-17:00; Jan 01 off "New Year's Day"`,
      FrontDeskDeviceId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      GreetingOpen: `Thanks for calling Dr. O'Brien's office.`,
      GreetingClosed: '',
      RingTimeout: '20',
      MaxRecordingMb: '4',
      PivotToken: TOKEN,
      AdminToken: ADMIN,
      NotifyWebhookUrl: HOOK,
    });
    expect(plan.argument).toContain(`BusinessHours="Mo-Fr 08:00-12:00,13:00-17:00; Jan 01 off \\"New Year's Day\\""`);
    const printed = plan.lines.join('\n');
    expect(printed).toContain('  PivotToken=(value not shown)  (PIVOT_TOKEN)');
    for (const secret of [TOKEN, ADMIN, HOOK]) expect(printed).not.toContain(secret);
  });

  it('refuses a value the template would refuse, a config error, a variable the template lacks; sibling URLs are the template\'s', async () => {
    const plan = planLambda(
      await settingsOf([...OWNER.filter((line) => !line.startsWith('MAX_RECORDING_MB')), 'MAX_RECORDING_MB=50', 'RING_TIMEOUT=700', 'COLLECTED_URL=https://c.acme-dental.com']),
    );
    const errors = errorsOf(plan.errors);
    expect(errors).toContain(`error: MAX_RECORDING_MB="50": template.yaml's MaxRecordingMb expected a whole number of MB from 1 to 4`);
    expect(errors).toContain('error: RING_TIMEOUT: expected a whole number from 5 to 600, found "700"');
    expect(plan.notes).toContain("note: COLLECTED_URL is not deployed to Lambda: the template hands each function its siblings' Function URLs");
    const template = (await import('../../scripts/deploy/lambda-plan.js')).readTemplate();
    delete (template.Globals.Function.Environment.Variables as Record<string, unknown>).MENU;
    expect(errorsOf(planLambda(await settingsOf([...OWNER, 'MENU=9=voicemail']), template).errors)).toContain('error: MENU is set in');
  });

  it('refuses a missing token and a placeholder URL', async () => {
    const plan = planLambda(await settingsOf([...OWNER.filter((line) => !line.startsWith('PIVOT_TOKEN')), 'PUBLIC_BASE_URL=https://pivot.YOUR-SUBDOMAIN.workers.dev']));
    const errors = errorsOf(plan.errors);
    expect(errors).toContain('error: PIVOT_TOKEN: a deployed endpoint needs a token of at least 24 characters (found 0)');
    expect(errors).toContain("error: PIVOT_TOKEN: template.yaml's PivotToken expected at least 24 printable characters");
    expect(errors).toContain('error: PUBLIC_BASE_URL: still a placeholder');
  });

  it('never prints a secret, not even inside the config check\'s message about a bad value', async () => {
    const badHook = 'not-a-url-but-a-secret-xyz';
    const plan = planLambda(await settingsOf([...OWNER.filter((line) => !line.startsWith('NOTIFY_WEBHOOK_URL')), `NOTIFY_WEBHOOK_URL=${badHook}`]));
    const printed = [...plan.lines, ...plan.errors, ...plan.notes].join('\n');
    expect(printed).toContain('NOTIFY_WEBHOOK_URL: expected an absolute http:// or https:// URL (not quoted: it may hold a secret)');
    expect(printed).not.toContain(badHook);
  });
});
