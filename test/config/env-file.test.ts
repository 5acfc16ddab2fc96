// The quoting table: each line of a `.env` means the same value through our reader (npm start, the
// scripts, the deploys) and through wrangler's own reader (wrangler dev's bindings, read by
// wrangler's code from a file on disk, and once inside workerd via getPlatformProxy).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlatformProxy, unstable_getVarsForDev } from 'wrangler';
import { loadEnvFile, parseEnvText, readEnvFile } from '../../shared/platform/env-file.js';

process.env.WRANGLER_SEND_METRICS = 'false';

/** [what the owner writes, what it means]. Names are unique so one file holds the whole table. */
const TABLE: readonly (readonly [line: string, value: string])[] = [
  [`APOSTROPHE_SINGLE='Thanks for calling Dr. O'Brien's office.'`, `Thanks for calling Dr. O'Brien's office.`],
  [`APOSTROPHE_DOUBLE="Thanks for calling Dr. O'Brien's office."`, `Thanks for calling Dr. O'Brien's office.`],
  [`APOSTROPHE_BARE=Thanks for calling Dr. O'Brien's office.`, `Thanks for calling Dr. O'Brien's office.`],
  [`HOLIDAY_IN_SINGLE='Mo-Fr 09:00-17:00; Jan 01 off "New Year's Day"'`, `Mo-Fr 09:00-17:00; Jan 01 off "New Year's Day"`],
  [`HOLIDAY_IN_DOUBLE="Mo-Fr 09:00-17:00; Dec 25 off "Christmas""`, `Mo-Fr 09:00-17:00; Dec 25 off "Christmas"`],
  [`HASH_DOUBLE="Press # to hear this again."`, `Press # to hear this again.`],
  [`HASH_SINGLE='Press # to hear this again.'`, `Press # to hear this again.`],
  [`HASH_BARE=Press # to hear this again.`, `Press`],
  [`HASH_AND_APOSTROPHE="Press # for Dr. O'Brien."`, `Press # for Dr. O'Brien.`],
  [`HASH_APOSTROPHE_QUOTES=\`Press # for "Dr. O'Brien".\``, `Press # for "Dr. O'Brien".`],
  [`TRAILING_COMMENT=male # the owner's choice`, `male`],
  [`EQUALS_BARE=1=device:a1b2c3d4e5f60718293a4b5c6d7e8f90; 9=voicemail`, `1=device:a1b2c3d4e5f60718293a4b5c6d7e8f90; 9=voicemail`],
  [`EQUALS_SPACED = 'Mo-Fr 09:00-17:00'`, `Mo-Fr 09:00-17:00`],
  [`export EXPORTED="kept"`, `kept`],
  [`ESCAPED_NEWLINE="We are closed.\\nPlease leave a message."`, `We are closed.\nPlease leave a message.`],
  [`LITERAL_BACKSLASH_N='C:\\new'`, `C:\\new`],
  [`MULTI_LINE="We are closed.\nPlease leave a message."`, `We are closed.\nPlease leave a message.`],
  [`EMPTY=`, ``],
  [`DOLLAR_DIGIT="It costs $5 a minute."`, `It costs $5 a minute.`],
  [`DOLLAR_ESCAPED="Ask for \\$HELP at the desk."`, `Ask for $HELP at the desk.`],
  [`DOLLAR_REFERENCE="\${EXPORTED} and \${UNSET_NAME:-a default}"`, `kept and a default`],
];
const FILE = `${TABLE.map(([line]) => line).join('\n')}\n`;
const EXPECTED = Object.fromEntries(TABLE.map(([line, value]) => [line.replace(/^export /, '').split(/\s*=/)[0]!, value]));
const expands = (name: string) => name.startsWith('DOLLAR_ESCAPED') || name.startsWith('DOLLAR_REFERENCE');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pivot-edge-env-'));
  await writeFile(join(dir, 'wrangler.toml'), 'name = "env-table"\ncompatibility_date = "2026-04-01"\n');
  await writeFile(join(dir, '.env'), FILE);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** wrangler dev's bindings, computed by wrangler's own code (string values only). */
function wranglerDevVars(envFiles?: string[]): Record<string, string> {
  const bindings = unstable_getVarsForDev(join(dir, 'wrangler.toml'), envFiles, {}, undefined, true) as Record<string, { value: unknown }>;
  return Object.fromEntries(Object.entries(bindings).map(([name, binding]) => [name, String(binding.value)]));
}

describe('the quoting table', () => {
  it('our reader (npm start, scripts, deploys) gives each value', () => {
    expect(readEnvFile(join(dir, '.env'))).toEqual(EXPECTED);
  });

  it('wrangler dev reading .env (the default files, and --env-file .env as npm run dev:workers passes it) gives the same values', () => {
    expect(wranglerDevVars()).toEqual(EXPECTED);
    expect(wranglerDevVars(['.env'])).toEqual(EXPECTED);
  });

  it('workerd sees the same values in env (getPlatformProxy reading the file)', async () => {
    const proxy = await getPlatformProxy<Record<string, string>>({ configPath: join(dir, 'wrangler.toml'), envFiles: ['.env'], persist: false });
    try {
      for (const [name, value] of Object.entries(EXPECTED)) expect(proxy.env[name], name).toBe(value);
    } finally {
      await proxy.dispose();
    }
  }, 60_000);

  it('.dev.vars means the same except that wrangler does not expand $ there (why dev:workers reads .env only)', async () => {
    const devVarsDir = await mkdtemp(join(tmpdir(), 'pivot-edge-devvars-'));
    try {
      await writeFile(join(devVarsDir, 'wrangler.toml'), 'name = "env-table"\n');
      await writeFile(join(devVarsDir, '.dev.vars'), FILE);
      const bindings = unstable_getVarsForDev(join(devVarsDir, 'wrangler.toml'), undefined, {}, undefined, true) as Record<string, { value: string }>;
      for (const [name, value] of Object.entries(EXPECTED)) if (!expands(name)) expect(bindings[name]?.value, name).toBe(value);
      expect(bindings.DOLLAR_ESCAPED?.value).toBe('Ask for \\$HELP at the desk.');
    } finally {
      await rm(devVarsDir, { recursive: true, force: true });
    }
  });
});

describe('the shell and the file', () => {
  it('a variable set in the shell wins, and expansion sees the shell', () => {
    const text = 'TIMEZONE=America/Chicago\nGREETING_OPEN="Welcome to ${SHOP}."\nEMPTY_IN_SHELL=from-file\n';
    expect(parseEnvText(text, { TIMEZONE: 'Europe/Paris', SHOP: 'Acme', EMPTY_IN_SHELL: '' })).toEqual({
      TIMEZONE: 'Europe/Paris',
      GREETING_OPEN: 'Welcome to Acme.',
      EMPTY_IN_SHELL: 'from-file',
    });
  });

  it('CRLF files read like LF files', () => {
    expect(parseEnvText('A="one"\r\nB=two\r\n')).toEqual({ A: 'one', B: 'two' });
  });

  it('loadEnvFile fills the target and says which file it read; no file, nothing', async () => {
    const target: Record<string, string | undefined> = { TIMEZONE: 'UTC' };
    expect(loadEnvFile(join(dir, '.env'), target)).toBe(join(dir, '.env'));
    expect(target).toMatchObject({ TIMEZONE: 'UTC', APOSTROPHE_SINGLE: `Thanks for calling Dr. O'Brien's office.` });
    const empty: Record<string, string | undefined> = {};
    expect(loadEnvFile(join(dir, 'missing.env'), empty)).toBeUndefined();
    expect(empty).toEqual({});
  });
});

describe('one reader everywhere', () => {
  const root = new URL('../../', import.meta.url);

  it('.env.example means the same to our reader and to wrangler, and is a valid configuration with whole texts', async () => {
    const ours = readEnvFile(new URL('.env.example', root).pathname);
    const theirs = unstable_getVarsForDev(new URL('wrangler.toml', root).pathname, ['.env.example'], {}, undefined, true) as Record<string, { value: string }>;
    expect(Object.fromEntries(Object.entries(theirs).filter(([name]) => name !== 'RECORDINGS').map(([name, binding]) => [name, binding.value]))).toEqual(ours);
    expect(ours?.BUSINESS_HOURS).toContain(`Jan 01 off "New Year's Day"`);
    const { parseConfig } = await import('../../shared/config/index.js');
    expect(parseConfig(ours!).problems).toEqual([]);
  });

  it('nothing else parses .env: the server, every script and tool, and the tests load it through shared/platform/env-file.ts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const under = (folder: string) =>
      (readdirSync(new URL(`${folder}/`, root), { recursive: true }) as string[]).filter((name) => name.endsWith('.ts')).map((name) => `${folder}/${name}`);
    const files = ['server.ts', ...under('scripts'), ...under('tools'), ...under('test').filter((name) => !name.endsWith('env-file.test.ts'))];
    for (const file of files) {
      const text = readFileSync(new URL(file, root), 'utf8');
      expect(text, file).not.toMatch(/process\.loadEnvFile|util\.parseEnv|parseEnv\(|readFileSync\(['"]\.env/);
    }
    for (const file of ['server.ts', 'scripts/check-config.ts', 'scripts/hours.ts']) expect(readFileSync(new URL(file, root), 'utf8'), file).toContain('loadEnvFile(');
  });

  it('check-config prints each spoken text as the file means it', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const file = join(dir, 'owner.env');
    await writeFile(file, `TIMEZONE=America/Chicago\nGREETING_OPEN='Thanks for calling Dr. O'Brien's office.'\nGREETING_CLOSED="We're closed. Press # to hear this again."\n`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/check-config.ts', '--settings', file], { cwd: new URL('.', root).pathname, timeout: 60_000, env: { PATH: process.env.PATH ?? '' } });
    expect(stdout).toContain(`open greeting: "Thanks for calling Dr. O'Brien's office."`);
    expect(stdout).toMatch(/closed greeting \([^)]*\): "We're closed\. Press # to hear this again\."/);
  }, 60_000);
});
