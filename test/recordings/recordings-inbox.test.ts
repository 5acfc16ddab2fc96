// The inbox page in a real Chromium (skipped, saying so, when none is installed), against the real
// local server (`npm start`'s startLocalServer) on 127.0.0.1 with real speech uploaded the way
// Kazoo's record_call sends it. The fixture is espeak-ng speech encoded by lame
// (`lame -m m --resample 16 -b 8`): 7.7 s, 7.7 KB. At a phone's and a desktop's width.
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatInTimeZone } from 'date-fns-tz';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../functions/local/server.js';
import { recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { ARTIFACTS, CHROMIUM, DESKTOP, launchBrowser, newContext as newContextIn, overflow, PHONE, signIn as signInWith, watch } from './inbox-browser.js';

const ADMIN_TOKEN = 'inbox-admin-7f3a9c';
const PIVOT_TOKEN = 'inbox-pivot-2b8e41';
const ZONE = 'America/New_York';
const SPEECH = readFileSync(new URL('./fixtures/voicemail-carol.mp3', import.meta.url));
const SPEECH_SECONDS = 7.6;

interface Listed {
  id: string;
  receivedAt: string;
  heard: boolean;
  callerIdName: string | null;
  callerIdNumber: string | null;
  durationSeconds: number | null;
  reason?: { label: string } | null;
  receivedLocal?: string | null;
}

/** `npm start`'s server on an ephemeral port with its own recordings directory. */
async function startInbox() {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-inbox-'));
  const server = await startLocalServer(
    { TIMEZONE: ZONE, BUSINESS_HOURS: 'Mo-Fr 09:00-17:00', ADMIN_TOKEN, PIVOT_TOKEN, RECORDINGS_DIR: dir },
    { port: 0, hostname: '127.0.0.1', quiet: true },
  );
  const base = `${server.origin}/recordings`;
  return {
    base,
    /** A record_call upload with our query (the brief's URL shape) and Kazoo's appended fields. */
    async upload(callId: string, name: string, number: string): Promise<void> {
      // Exactly what Kazoo PUTs for our record_call url (its fields encoded as http_uri:encode does).
      const handedOut = `${base}?${new URLSearchParams({ reason: 'closed', detail: 'Christmas', dialled: '+15550100' })}&recording=`;
      const url = recordCallUploadUrl(handedOut, '4.3', { callId, from: `${number}@pbx.example.com`, to: '+15550100@pbx.example.com', callerIdName: name, callerIdNumber: number });
      const response = await fetch(url, {
        method: 'PUT', body: SPEECH, headers: { 'content-type': 'audio/mpeg', authorization: `Basic ${btoa(`pivot:${PIVOT_TOKEN}`)}` },
      });
      expect(response.status).toBe(201);
    },
    async list(): Promise<Listed[]> {
      const response = await fetch(base, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Listed[] }).items;
    },
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const message = (page: Page, id: string) => page.locator(`#m-${id}`);
const audioState = (page: Page, id: string) =>
  message(page, id).locator('audio').evaluate((audio: HTMLAudioElement) => ({ time: audio.currentTime, paused: audio.paused, src: audio.src }));

const signIn = (page: Page, remember = false) => signInWith(page, ADMIN_TOKEN, remember);
const newContext = (browser: Browser, viewport: { width: number; height: number }) => newContextIn(browser, viewport, ZONE);

describe.skipIf(CHROMIUM === undefined)('inbox page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px: signs in, lists, plays and seeks, marks heard, refreshes, deletes to empty`, async () => {
      const inbox = await startInbox();
      const context = await newContext(browser, viewport);
      try {
        const watched = await watch(context);
        await inbox.upload('inbox-1@10.0.0.1', 'Carol Baker', '+15551234567');
        await inbox.upload('inbox-2', 'Maximiliane Wolkenstein-Oberhausen von Schwarzenberg', 'sip:+4930123456789012345@very-long-carrier-name.example.net');
        const page = await context.newPage();
        page.on('dialog', (dialog) => void dialog.accept());

        const response = await page.goto(`${inbox.base}/inbox`);
        const csp = response?.headers()['content-security-policy'] ?? '';
        expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}='; style-src 'sha256-[A-Za-z0-9+/]{43}='; media-src 'self'; connect-src 'self';/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(response?.headers()['x-content-type-options']).toBe('nosniff');
        await expect.poll(() => page.getByLabel('Admin token').isVisible()).toBe(true);
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        await signIn(page);
        await page.locator('.message').nth(1).waitFor();
        const listed = await inbox.list();
        const [long, carol] = listed;
        if (long === undefined || carol === undefined) throw new Error('two messages expected');
        for (const item of listed) {
          const card = message(page, item.id);
          const text = (await card.textContent()) ?? '';
          expect(text).toContain(item.callerIdName);
          expect(text).toContain(item.callerIdNumber);
          expect(await card.locator('time').textContent()).toBe(item.receivedLocal ?? formatInTimeZone(new Date(item.receivedAt), ZONE, 'EEE d MMM, HH:mm'));
          expect(await card.locator('time').getAttribute('datetime')).toBe(item.receivedAt);
          if (item.reason) expect(text).toContain(item.reason.label);
          expect(await card.locator('[data-slot="mark"]').textContent()).toBe('New');
        }
        expect(await page.locator('#count').textContent()).toBe('2 new');
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: new URL(`inbox-${viewport.width}.png`, ARTIFACTS).pathname, fullPage: true });

        // Play: streams from a signed link (206), marks the message heard; then seek.
        await message(page, carol.id).getByRole('button', { name: 'Play' }).click();
        await expect.poll(async () => (await audioState(page, carol.id)).time, { timeout: 15_000 }).toBeGreaterThan(0.2);
        const { src } = await audioState(page, carol.id);
        expect(src).toMatch(new RegExp(`/recordings/${carol.id}\\?expires=\\d+&sig=[A-Za-z0-9_-]{43}$`));
        await expect.poll(() => message(page, carol.id).locator('[data-slot="mark"]').textContent()).toBe('Heard');
        await expect.poll(async () => (await inbox.list()).find((item) => item.id === carol.id)?.heard).toBe(true);
        expect(await page.locator('#count').textContent()).toBe('1 new');
        await message(page, carol.id).locator('audio').evaluate((audio: HTMLAudioElement) => audio.pause());
        const before = (await audioState(page, carol.id)).time;
        const after = await message(page, carol.id).locator('audio').evaluate(
          (audio: HTMLAudioElement, to: number) =>
            new Promise<number>((resolve) => {
              audio.addEventListener('seeked', () => resolve(audio.currentTime), { once: true });
              audio.currentTime = to;
            }),
          SPEECH_SECONDS - 2,
        );
        expect(before).toBeLessThan(3);
        expect(after).toBeGreaterThan(SPEECH_SECONDS - 2.5);
        expect(watched.media.length).toBeGreaterThan(0);
        expect(watched.media.some((served) => served.status === 206)).toBe(true);
        expect(watched.media.every((served) => served.status === 200 || served.status === 206)).toBe(true);
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        // The mark both ways, by hand.
        await message(page, carol.id).getByRole('button', { name: 'Mark new' }).click();
        await expect.poll(() => message(page, carol.id).locator('[data-slot="mark"]').textContent()).toBe('New');
        expect((await inbox.list()).find((item) => item.id === carol.id)?.heard).toBe(false);
        await message(page, long.id).getByRole('button', { name: 'Mark heard' }).click();
        await expect.poll(() => message(page, long.id).locator('[data-slot="mark"]').textContent()).toBe('Heard');
        expect((await inbox.list()).find((item) => item.id === long.id)?.heard).toBe(true);

        // Refresh shows a message that arrived since.
        await inbox.upload('inbox-3', 'Dan', '+15559876543');
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect.poll(() => page.locator('.message').count()).toBe(3);
        expect(await page.locator('.message').first().textContent()).toContain('Dan');

        // Delete everything: the clear empty state, and nothing left on the server.
        for (let left = 3; left > 0; left--) {
          await page.locator('.message').first().getByRole('button', { name: 'Delete' }).click();
          await expect.poll(() => page.locator('.message').count()).toBe(left - 1);
        }
        await expect.poll(() => page.getByText('No messages yet').isVisible()).toBe(true);
        expect(await inbox.list()).toEqual([]);
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        expect(watched.urls.filter((url) => url.includes(ADMIN_TOKEN))).toEqual([]);
        expect(watched.problems).toEqual([]);
        expect(await watched.violations(page)).toEqual([]);
        // The watch itself works: an injected inline script is refused and reported.
        await page.evaluate(() => {
          const script = document.createElement('script');
          script.append('window.injected = true');
          document.body.append(script);
        });
        await expect.poll(() => watched.violations(page)).toContainEqual(expect.stringMatching(/^(script-src|require-trusted-types-for)/));
        expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
      } finally {
        await context.close();
        await inbox.close();
      }
    }, 90_000);
  }

  it('opens a notice link (#id) in a new tab: asks for the token, unless remembered on this device', async () => {
    const inbox = await startInbox();
    const context = await newContext(browser, PHONE);
    try {
      const watched = await watch(context);
      await inbox.upload('linked-1', 'Erin', '+15550001111');
      const [item] = await inbox.list();
      if (item === undefined) throw new Error('one message expected');
      const link = `${inbox.base}/inbox#${item.id}`;

      const first = await context.newPage();
      await first.goto(`${inbox.base}/inbox`);
      await first.getByLabel('Admin token').fill('not-the-token');
      await first.getByRole('button', { name: 'Open inbox' }).click();
      await expect.poll(() => first.getByRole('alert').textContent()).toBe('The token was refused. Sign in again.');
      expect(await first.getByLabel('Admin token').isVisible()).toBe(true);
      expect(await first.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
      await signIn(first);
      await first.locator('.message').first().waitFor();
      const tab = await context.newPage();
      await tab.goto(link);
      await expect.poll(() => tab.getByLabel('Admin token').isVisible()).toBe(true);

      await first.getByRole('button', { name: 'Sign out' }).click();
      await signIn(first, true);
      await first.locator('.message').first().waitFor();
      const remembered = await context.newPage();
      await remembered.goto(link);
      await expect.poll(() => message(remembered, item.id).getAttribute('class')).toContain('selected');
      expect(await remembered.getByLabel('Admin token').isVisible()).toBe(false);
      await expect.poll(async () => (await audioState(remembered, item.id)).src).toContain('sig=');
      expect(await message(remembered, item.id).locator('audio').isVisible()).toBe(true);

      // Signing out forgets it on the device too.
      await remembered.getByRole('button', { name: 'Sign out' }).click();
      const after = await context.newPage();
      await after.goto(link);
      await expect.poll(() => after.getByLabel('Admin token').isVisible()).toBe(true);
      expect(watched.urls.filter((url) => url.includes(ADMIN_TOKEN))).toEqual([]);
      expect(watched.problems).toEqual([]);
    } finally {
      await context.close();
      await inbox.close();
    }
  }, 60_000);

  it('shows every list field the API sends, and copes with the ones that are null', async () => {
    const inbox = await startInbox();
    const context = await newContext(browser, PHONE);
    try {
      const watched = await watch(context);
      const page = await context.newPage();
      const full = {
        id: '8204733072219-b43d72f786ab', callId: 'c1', callerIdName: 'Alice Marie Fitzgerald-Montgomery', callerIdNumber: '+14155550100',
        from: '+14155550100', to: '5000', receivedAt: '2026-12-24T21:32:00.000Z', receivedLocal: 'Thu 24 Dec, 16:32', timeZone: ZONE,
        reason: { kind: 'closed', detail: 'Christmas', label: 'Closed (Christmas)' }, dialled: '+15550100', durationSeconds: 83, heard: false,
      };
      const bare = {
        id: '8204733072218-000000000001', callId: 'c2', callerIdName: null, callerIdNumber: null, from: null, to: null,
        receivedAt: '2026-07-01T03:05:00.000Z', receivedLocal: null, timeZone: 'Asia/Tokyo', reason: null, dialled: null, durationSeconds: null, heard: true,
      };
      await page.route(
        (url) => url.pathname === '/recordings' && url.searchParams.has('limit'),
        (route) => route.fulfill({ json: { items: [full, bare] } }),
      );
      await page.goto(`${inbox.base}/inbox`);
      await signIn(page);
      await message(page, bare.id).waitFor();
      const card = message(page, full.id);
      expect(await card.locator('[data-slot="name"]').textContent()).toBe('Alice Marie Fitzgerald-Montgomery');
      expect(await card.locator('[data-slot="number"]').textContent()).toBe('+14155550100');
      expect(await card.locator('time').textContent()).toBe('Thu 24 Dec, 16:32');
      expect(await card.locator('[data-slot="length"]').textContent()).toBe('1:23');
      expect(await card.locator('[data-slot="reason"]').textContent()).toBe('Closed (Christmas)');
      expect(await card.locator('[data-slot="dialled"]').textContent()).toBe('to +15550100');
      expect(await card.locator('[data-slot="mark"]').textContent()).toBe('New');
      const empty = message(page, bare.id);
      expect(await empty.locator('[data-slot="name"]').textContent()).toBe('Unknown caller');
      // No server text: the same format, in the zone the API names (not the browser's).
      expect(await empty.locator('time').textContent()).toBe('Wed 1 Jul, 12:05');
      for (const slot of ['number', 'length', 'reason', 'dialled']) expect(await empty.locator(`[data-slot="${slot}"]`).textContent()).toBe('');
      expect(await empty.locator('[data-slot="mark"]').textContent()).toBe('Heard');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: new URL('inbox-390-all-fields.png', ARTIFACTS).pathname, fullPage: true });
      expect(watched.problems).toEqual([]);
      expect(await watched.violations(page)).toEqual([]);
    } finally {
      await context.close();
      await inbox.close();
    }
  }, 60_000);
});
