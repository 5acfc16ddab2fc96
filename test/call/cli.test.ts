// The commands as an owner types them, against `npm start` run as a child process: the README's
// first call (.env.example plus an ADMIN_TOKEN), the example scenarios file, --json, exit codes.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallTrace } from '../../tools/call/index.js';
import { parseEnvText } from '../../shared/platform/env-file.js';
import { secretLeaks } from '../support/log-capture.js';
import { nodeServer, npmStartServer, ROOT, TSX, type TestServer } from '../support/servers.js';

const run = promisify(execFile);
const ADMIN_TOKEN = 'cli-test-admin-40d2';
const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const USER = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
// Read as every reader of .env reads it (shared/platform/env-file.ts, wrangler's semantics).
const example = parseEnvText(readFileSync(join(ROOT, '.env.example'), 'utf8'));

// A local server with a menu needs a public address to hand out (Kazoo refuses 127.0.0.1 URLs); the
// simulator reaches that address at the local server when the same settings are in its env.
const menuSettings = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
  FRONT_DESK_DEVICE_ID: DEVICE,
  MENU: `1=device:${DEVICE}; 2=user:${USER}; 0=front-desk`,
  PUBLIC_BASE_URL: 'https://desk.pivot-edge.test',
  ADMIN_TOKEN,
};

let fresh: TestServer;
let menu: TestServer;
let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'pivot-edge-cli-'));
  [fresh, menu] = await Promise.all([
    // A fresh clone: `cp .env.example .env`, then an ADMIN_TOKEN (README "Try it without a phone").
    npmStartServer({ ...example, ADMIN_TOKEN }),
    npmStartServer(menuSettings),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([fresh?.close(), menu?.close()]);
  await rm(cwd, { recursive: true, force: true });
  for (const server of [fresh, menu]) expect(secretLeaks(server.output(), [ADMIN_TOKEN])).toEqual([]);
});

/** `npm run call -- ...` from an empty folder (no .env), with ADMIN_TOKEN in the environment as an owner's shell would have it. */
async function call(args: readonly string[], env: Record<string, string> = { ADMIN_TOKEN }): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, join(ROOT, 'tools/call/cli.ts'), ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run call', () => {
  it('prints what the caller hears on Christmas Day at 10:00, on a fresh clone', async () => {
    const { code, stdout } = await call([`${fresh.origin}/front-desk`, '--at', 'Dec 25 10:00']);
    expect(stdout).toContain('▶ GET /front-desk (kazoo)');
    expect(stdout).toContain('→ says "Thank you for calling. Christmas. We are closed right now. We reopen tomorrow at 10 AM. Please leave a message."');
    expect(stdout).toContain('→ records (hang up to finish, record_call, mp3)');
    expect(stdout).toContain('⚠ Kazoo refuses this URL (127.0.0.1): fine for trying a local server, set PUBLIC_BASE_URL before pointing Kazoo here');
    expect(stdout).toMatch(/✓ the caller got through \(1 request/);
    expect(code).toBe(0);
  });

  it('says so when the server does not take --at (no admin token here)', async () => {
    const { stdout } = await call([`${fresh.origin}/front-desk`, '--at', 'Dec 25 10:00'], {});
    expect(stdout).toContain('⚠ the server did not use --at (no X-Admin-Token): this is what a caller hears now');
  });

  it('--json: the structured trace', async () => {
    const { code, stdout } = await call([`${menu.origin}/front-desk`, '--at', 'Mon 10:00', '--digits', '2', '--json'], menuSettings);
    const trace = JSON.parse(stdout) as CallTrace;
    expect(trace.steps.filter((step) => step.kind === 'ring')).toMatchObject([{ target: 'user', id: USER }]);
    expect(trace.requests).toBe(2);
    expect(code).toBe(0);
  });

  it('the example scenarios file passes against the setup it describes; a mismatch exits 1 and says what', async () => {
    const passing = await call(['--scenarios', join(ROOT, 'scenarios.example.yaml'), `${menu.origin}/front-desk`], menuSettings);
    expect(passing.stdout).toContain('✓ Christmas Day at 10:00 hears the Christmas greeting and reaches voicemail');
    expect(passing.stdout).toContain('✓ key 2 on Monday 09:30 rings billing');
    expect(passing.stdout).toMatch(/4 calls, 0 failed$/m);
    expect(passing.code).toBe(0);

    const file = join(cwd, 'wrong.yaml');
    await writeFile(file, ['calls:', '  - name: key 2 rings the front desk', '    at: Mon 09:30', '    digits: "2"', '    expect:', `      rings: device:${DEVICE}`].join('\n'));
    const failing = await call(['--scenarios', file, `${menu.origin}/front-desk`], menuSettings);
    expect(failing.stdout).toContain('✗ key 2 rings the front desk');
    expect(failing.stdout).toContain(`expected to ring device:${DEVICE}, rang: user:${USER}`);
    expect(failing.code).toBe(1);
  });

  it('a fallback is explained to the owner: a broken MENU, and the front desk rings instead', async () => {
    const local = await nodeServer({ ...menuSettings, PUBLIC_BASE_URL: '', MENU: '1=sales' });
    try {
      const { stdout } = await call([`${local.origin}/front-desk`, '--at', 'Mon 10:00']);
      expect(stdout).toContain('⚠ the server answered its fallback, because: MENU: entry "1=sales" at position 0: expected device:ID');
      expect(stdout).toContain('→ rings device a1b2…');
    } finally {
      await local.close();
    }
  });

  it('exit codes: 1 when the caller would not get through, 2 for a usage mistake', async () => {
    const refused = await call(['http://127.0.0.1:1/front-desk']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('✗ pivot failed');
    const typo = await call([`${menu.origin}/front-desk`, '--answer', 'maybe']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--answer: expected yes or no or busy, found "maybe"');
    const badTime = await call([`${menu.origin}/front-desk`, '--at', 'soon']);
    expect(badTime.stderr).toContain('--at: "soon" is not a time');
  });
});
