// `npm test` does not depend on the developer's or owner's settings: a copy of the project with a
// hostile .env and .dev.vars beside wrangler.toml runs the suites where wrangler itself would read
// them (the workerd pool's bindings, `wrangler types`), and passes without a stack trace in its
// output. Every other test passes its env explicitly and reads settings files only from temp dirs.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const CHILD = 'PIVOT_EDGE_HOSTILE_ENV_CHILD';
// Valid-looking but wrong values a test could silently pick up, plus names that collide with bindings.
const HOSTILE = [
  'TIMEZONE=Pacific/Kiritimati',
  "BUSINESS_HOURS='Su 03:00-04:00'",
  'FORCE_STATE=closed',
  'RESPONSE_FORMAT=twiml',
  'FRONT_DESK_NUMBER=+15550000000',
  'MENU=1=hangup',
  `GREETING_OPEN='Dr. O'Brien's office, hostile.'`,
  'PIVOT_TOKEN=hostile-token-from-the-owners-env-file',
  'ADMIN_TOKEN=hostile-admin-from-the-owners-env-file',
  'PUBLIC_BASE_URL=https://hostile.invalid',
  'RECORDINGS_URL=https://hostile.invalid/recordings',
  'RECORDINGS=not-a-bucket',
  'RECORDINGS_DIR=/nonexistent/hostile',
  'MAX_RECORDING_MB=1',
  'PORT=1',
  'WORKERS_SUBDOMAIN=hostile',
].join('\n');

describe.skipIf(process.env[CHILD] === '1')('a hostile .env and .dev.vars in the working tree', () => {
  it('leave the workerd and wrangler suites passing, without a stack trace', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'pivot-edge-hostile-'));
    try {
      const skip = new Set(['node_modules', '.git', 'dist', '.wrangler', 'data', 'coverage', '.env', '.dev.vars']);
      for (const entry of await readdir(root)) if (!skip.has(entry)) await cp(join(root, entry), join(copy, entry), { recursive: true });
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
      await writeFile(join(copy, '.env'), `${HOSTILE}\n`);
      await writeFile(join(copy, '.dev.vars'), `${HOSTILE}\n`);
      const suites = ['test/workerd', 'test/deploy/wrangler.test.ts'];
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...suites], {
        cwd: copy,
        timeout: 300_000,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, [CHILD]: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      }).catch((error: { stdout: string; stderr: string }) => {
        throw new Error(`the suites failed with a hostile .env:\n${error.stdout}\n${error.stderr}`);
      });
      const output = `${stdout}\n${stderr}`;
      expect(output).toMatch(/Test Files\s+\d+ passed/);
      // vitest's own verdicts (a log line may well say a lookup failed: that is what some tests provoke).
      expect(output).not.toMatch(/^\s*(Test Files|Tests)\s.*\bfailed\b|^\s*FAIL\s/m);
      expect(output).not.toMatch(/uncaught exception|^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 300_000);
});
