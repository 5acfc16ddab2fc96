// The inbox page's "Business status" panel in a real Chromium against `npm start`'s server: the
// owner sets "closed until <time>" from the phone, front-desk then answers closed ("We reopen
// today at 2 PM"), and clearing it goes back to the hours. Times are chosen relative to now on the
// business's clock (TIMEZONE=Asia/Tokyo, no DST, so every wall time exists once), while the
// browser's own clock is in Los Angeles: the page must offer and send times on the business's clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../functions/local/server.js';
import { DEVICE_ID, KAZOO_FIRST_GET, pivotAnswer } from '../support/pivot.js';
import { ARTIFACTS, CHROMIUM, DESKTOP, launchBrowser, newContext, overflow, PHONE, signIn, watch } from './inbox-browser.js';

const ADMIN_TOKEN = 'switch-admin-5d1e08';
const ZONE = 'Asia/Tokyo';
const BROWSER_ZONE = 'America/Los_Angeles';
const HOUR = 3_600_000;
const OPEN_GREETING = 'Thank you for calling. Please hold while we connect you.';
const closedGreeting = (reopen: string) => `Thank you for calling. We are closed right now. We reopen ${reopen}. Please leave a message.`;

interface OverrideAnswer {
  override: { state: string; until: string; untilLocal: string | null; endsAt: string | null } | null;
  timeZone: string | null;
}

/** `npm start`'s server, open around the clock, so a closed switch reopens exactly when it ends. */
async function startDesk() {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-switch-'));
  const server = await startLocalServer(
    { TIMEZONE: ZONE, BUSINESS_HOURS: '24/7', FRONT_DESK_DEVICE_ID: DEVICE_ID, PUBLIC_BASE_URL: 'https://desk.example.com', ADMIN_TOKEN, RECORDINGS_DIR: dir },
    { port: 0, hostname: '127.0.0.1', quiet: true },
  );
  const admin = (init: RequestInit = {}) => fetch(`${server.origin}/recordings/override`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...init.headers } });
  return {
    inbox: `${server.origin}/recordings/inbox`,
    admin,
    override: async () => ((await (await admin()).json()) as OverrideAnswer).override,
    /** A first Pivot request as Kazoo sends it (req_format kazoo), answered by the front-desk function. */
    frontDesk: async () => (await pivotAnswer(await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`))).json as { module: string; data: { text?: string }; children: { _?: { module: string } } },
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A whole hour 2-3 h ahead on the business's clock, never midnight or noon (said differently). */
function aheadOnTheHour(): Date {
  let at = Math.ceil((Date.now() + 2 * HOUR) / HOUR) * HOUR;
  while (['00', '12'].includes(formatInTimeZone(at, ZONE, 'HH'))) at += HOUR;
  return new Date(at);
}

const day = (at: Date | number) => formatInTimeZone(at, ZONE, 'yyyy-MM-dd');
const shown = (at: Date | number) => formatInTimeZone(at, ZONE, 'EEE d MMM, HH:mm');
const status = (page: Page) => page.locator('#now').textContent();
const panelError = (page: Page) => page.locator('#switch-error').textContent();

async function fillUntil(page: Page, at: Date): Promise<void> {
  await page.getByLabel('Until day').fill(day(at));
  await page.getByLabel('Until time').fill(formatInTimeZone(at, ZONE, 'HH:mm'));
}

/** Signs in on the inbox and opens the panel, by keyboard (Enter on its summary) or by a click. */
async function openPanel(page: Page, inbox: string, keyboard: boolean): Promise<void> {
  await page.goto(inbox);
  await signIn(page, ADMIN_TOKEN);
  await expect.poll(() => status(page)).not.toBe('');
  const summary = page.locator('#switch summary');
  await summary.waitFor();
  if (keyboard) {
    await summary.focus();
    await page.keyboard.press('Enter');
  } else {
    await summary.click();
  }
  await expect.poll(() => page.locator('#switch').evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
}

type Desk = Awaited<ReturnType<typeof startDesk>>;

/**
 * `test` on a fresh server, signed in with the panel open (by keyboard on the desktop); then the
 * page must not scroll sideways, break its CSP, fail, or have put the token in a URL.
 */
async function onPanel(browser: Browser, viewport: typeof PHONE, test: (page: Page, desk: Desk) => Promise<void>): Promise<void> {
  const desk = await startDesk();
  const context = await newContext(browser, viewport, BROWSER_ZONE);
  try {
    const watched = await watch(context);
    const page = await context.newPage();
    await openPanel(page, desk.inbox, viewport === DESKTOP);
    await test(page, desk);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(watched.urls.filter((url) => url.includes(ADMIN_TOKEN))).toEqual([]);
    expect(watched.problems).toEqual([]);
    expect(await watched.violations(page)).toEqual([]);
  } finally {
    await context.close();
    await desk.close();
  }
}

describe.skipIf(CHROMIUM === undefined)('the business status panel in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px: "closed until" a time closes front-desk until then, a past time is refused in words, clearing follows the hours`, () =>
      onPanel(browser, viewport, async (page, desk) => {
        expect(await status(page)).toBe('Following your hours');
        expect(await page.getByRole('button', { name: 'Follow my hours' }).isVisible()).toBe(false);
        expect(await page.locator('#zone').textContent()).toBe(` (${ZONE} time)`);

        // The suggestion: a whole hour 30-90 minutes ahead on Tokyo's clock (not the browser's).
        const suggested = fromZonedTime(`${await page.getByLabel('Until day').inputValue()}T${await page.getByLabel('Until time').inputValue()}`, ZONE).getTime();
        expect(suggested % HOUR).toBe(0);
        expect(suggested - Date.now()).toBeGreaterThan(29 * 60_000);
        expect(suggested - Date.now()).toBeLessThanOrEqual(90 * 60_000);
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        // A time already past: the API's words next to the control, nothing set.
        const yesterday = fromZonedTime(`${day(Date.now() - 24 * HOUR)}T10:00`, ZONE);
        await fillUntil(page, yesterday);
        await page.getByRole('button', { name: 'Close until then' }).click();
        await expect.poll(() => panelError(page)).toBe(`"until" (${shown(yesterday)} in ${ZONE}) is already past: choose a later time.`);
        expect(await page.locator('#set').getByRole('alert').isVisible()).toBe(true);
        expect(await status(page)).toBe('Following your hours');
        expect(await desk.override()).toBeNull();
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        // Closed until a whole hour 2-3 h ahead (Enter in the time field on the desktop: the first button).
        const until = aheadOnTheHour();
        await fillUntil(page, until);
        if (viewport === DESKTOP) await page.getByLabel('Until time').press('Enter');
        else await page.getByRole('button', { name: 'Close until then' }).click();
        await expect.poll(() => status(page)).toBe(`Closed until ${shown(until)}`);
        expect(await panelError(page)).toBe('');
        expect(await desk.override()).toMatchObject({ state: 'closed', until: until.toISOString(), endsAt: until.toISOString(), untilLocal: shown(until) });
        expect(await page.getByRole('button', { name: 'Follow my hours' }).isVisible()).toBe(true);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: new URL(`inbox-switch-${viewport.width}.png`, ARTIFACTS).pathname, fullPage: true });

        // A call now (this server's first, so front-desk reads the store): closed, reopening at that time.
        const reopen = `${day(until) === day(Date.now()) ? 'today' : 'tomorrow'} at ${formatInTimeZone(until, ZONE, 'h a')}`;
        expect(await desk.frontDesk()).toMatchObject({ module: 'tts', data: { text: closedGreeting(reopen) }, children: { _: { module: 'record_call' } } });

        // Cleared: the hours decide again, on the page at once and for calls within front-desk's 5 s cache.
        await page.getByRole('button', { name: 'Follow my hours' }).click();
        await expect.poll(() => status(page)).toBe('Following your hours');
        expect(await page.getByRole('button', { name: 'Follow my hours' }).isVisible()).toBe(false);
        expect(await desk.override()).toBeNull();
        await expect.poll(async () => (await desk.frontDesk()).data.text, { timeout: 10_000, interval: 1_000 }).toBe(OPEN_GREETING);
      }), 60_000);
  }

  it('sets "open until" and "closed until the next opening", shows a switch set elsewhere, and notices when one ends', () =>
    onPanel(browser, PHONE, async (page, desk) => {
      const until = aheadOnTheHour();
      await fillUntil(page, until);
      await page.getByRole('button', { name: 'Open until then' }).click();
      await expect.poll(() => status(page)).toBe(`Open until ${shown(until)}`);
      expect(await desk.override()).toMatchObject({ state: 'open', until: until.toISOString() });

      // The next opening needs no time: an emptied time field does not stop it.
      await page.getByLabel('Until time').fill('');
      await page.getByRole('button', { name: 'Close until the next opening' }).click();
      await expect.poll(async () => (await desk.override())?.until).toBe('next-change');
      const nextOpening = await desk.override();
      expect(nextOpening?.untilLocal).toMatch(/ \(next opening\)$/);
      await expect.poll(() => status(page)).toBe(`Closed until ${nextOpening?.untilLocal}`);

      // Set through the API a few seconds ahead: Refresh shows it, and the page goes back to the hours when it ends.
      const soon = new Date(Date.now() + 8_000);
      expect((await desk.admin({ method: 'PUT', body: JSON.stringify({ state: 'closed', until: soon.toISOString() }) })).status).toBe(200);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => status(page)).toBe(`Closed until ${shown(soon)}`);
      await expect.poll(() => status(page), { timeout: 15_000 }).toBe('Following your hours');
    }), 60_000);
});
