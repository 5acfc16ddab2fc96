import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalServer } from '../../functions/local/server.js';
import { recordingsDirProblem, startupReport } from '../../functions/local/startup-report.js';
import { logLines } from '../support/log-capture.js';
import { parseConfig } from '../../shared/config/index.js';

describe('the start-up report', () => {
  const now = new Date('2026-11-23T15:00:00Z'); // Monday 10:00 in New York

  it('says where to point Kazoo, what it understood and what is wrong, never a secret', () => {
    const config = parseConfig({
      TIMEZONE: 'America/New_York',
      PUBLIC_BASE_URL: 'https://desk.example.com',
      PIVOT_TOKEN: 'p-secret-123',
      ADMIN_TOKEN: 'a-secret-456',
      FRONT_DESK_NUMBER: '+15551234567',
      RING_TIMEOUT: 'soon',
    });
    const report = startupReport(config, 'http://127.0.0.1:8787', now);
    expect(report.split('\n')).toEqual([
      'pivot-edge listening on http://127.0.0.1:8787',
      'voice_url for your Kazoo pivot callflow: https://pivot:<PIVOT_TOKEN>@desk.example.com/front-desk',
      expect.stringMatching(/^America\/New_York, Mo-Fr 09:00-17:00: open now/),
      'config error: RING_TIMEOUT: expected a whole number from 5 to 600, found "soon"',
      'calls are still answered: a bad value uses its default, and where the hours or the menu cannot be known, callers get the fallback (voicemail, or the front desk)',
    ]);
    expect(report).not.toContain('secret');
  });

  it('warns that Kazoo cannot reach a local address without PUBLIC_BASE_URL', () => {
    const report = startupReport(parseConfig({ TIMEZONE: 'UTC' }), 'http://127.0.0.1:8787', now);
    expect(report).toContain('voice_url for your Kazoo pivot callflow: http://127.0.0.1:8787/front-desk');
    expect(report).toContain('note: Kazoo refuses localhost URLs; set PUBLIC_BASE_URL');
  });
});

describe('what only a running server can find', () => {
  it('a RECORDINGS_DIR uploads could not be written to, without creating anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-dir-'));
    try {
      expect(await recordingsDirProblem(dir)).toBeUndefined();
      expect(await recordingsDirProblem(join(dir, 'not', 'yet'))).toBeUndefined();
      expect(await readdir(dir)).toEqual([]);
      expect(await recordingsDirProblem('/dev/null/recordings')).toBe('RECORDINGS_DIR: /dev/null is not a directory: uploads will be refused (503) until it is fixed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('npm start reports a broken variable once: in the start-up report, not again on the first request\'s line', async () => {
    const printed: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void printed.push(args.join(' '));
    const server = await startLocalServer({ TIMEZONE: 'UTC', RING_TIMEOUT: 'soon', RECORDINGS_DIR: '/dev/null/recordings' }, { port: 0, hostname: '127.0.0.1' }).finally(() => (console.log = original));
    try {
      const report = printed.join('\n').split('\n');
      expect(report.filter((line) => line.startsWith('config error: '))).toEqual([
        'config error: RING_TIMEOUT: expected a whole number from 5 to 600, found "soon"',
        'config error: RECORDINGS_DIR: /dev/null is not a directory: uploads will be refused (503) until it is fixed',
      ]);
      const before = logLines().length;
      expect((await fetch(`${server.origin}/front-desk?Call-ID=c1`)).status).toBe(200);
      expect((await fetch(`${server.origin}/recordings?CallSid=c1`)).status).toBe(200);
      expect(logLines().slice(before).filter((line) => 'configProblems' in line)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
