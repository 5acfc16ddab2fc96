// The inbox page in a real browser (skipped when no Chromium is installed): log in with the admin
// token, listen, delete; the token must never appear in a URL.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../shared/http/index.js';
import { makeMp3 } from './audio-fixtures.js';
import { ADMIN_TOKEN, BASIC, recordingsHarness } from './recordings-helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH ?? ''].find((p) => p !== '' && existsSync(p));

describe.skipIf(CHROMIUM === undefined)('inbox page', () => {
  let origin: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const harness = await recordingsHarness();
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: new Hono<AppEnv>().route('/', harness.app).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await harness.cleanup();
    };
    const upload = await fetch(`${origin}/recordings/call_recording_inbox-1.mp3?caller_id_number=%2B15551234&caller_id_name=Carol`, {
      method: 'PUT', body: makeMp3(2), headers: { 'content-type': 'audio/mpeg', authorization: BASIC },
    });
    expect(upload.status).toBe(201);
  });
  afterAll(() => stop?.());

  it('lists, plays and deletes with the token only in a header', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM ?? '', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const urls: string[] = [];
      page.on('request', (request) => urls.push(request.url()));
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${origin}/recordings/inbox`);
      await page.fill('#token', ADMIN_TOKEN);
      await page.click('#login button');
      await page.waitForSelector('tbody tr');
      expect(await page.textContent('tbody tr')).toContain('Carol +15551234');
      await page.click('text=Listen');
      await page.waitForSelector('tbody audio');
      await page.click('text=Delete');
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 0);
      const left = await fetch(`${origin}/recordings`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(((await left.json()) as { items: unknown[] }).items).toEqual([]);
      expect(urls.some((url) => url.includes(ADMIN_TOKEN))).toBe(false);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
