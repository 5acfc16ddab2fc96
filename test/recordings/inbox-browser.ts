// What the inbox page's Chromium tests share: the browser (skipped, saying so, when none is
// installed), the watch for CSP violations and page errors, the overflow check and signing in.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = [process.env.CHROMIUM_PATH ?? '', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p !== '' && existsSync(p));
// The flags this machine's Chromium needs (closed network: no background connections).
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = new URL('../artifacts/', import.meta.url);
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

if (CHROMIUM === undefined) console.warn('inbox browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)');

/** A headless Chromium (call only when CHROMIUM is set), with the screenshots' folder made. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM ?? '', headless: true, args: FLAGS });
}

/** Everything the page must not do: CSP violations (console and event), page errors, the token in a URL. */
export async function watch(context: BrowserContext) {
  const problems: string[] = [];
  const urls: string[] = [];
  const media: { url: string; status: number }[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const seen = ((window as unknown as { violations?: string[] }).violations ??= []);
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on('request', (request) => urls.push(request.url()));
  context.on('response', (response) => {
    if (response.url().includes('sig=')) media.push({ url: response.url(), status: response.status() });
  });
  context.on('console', (message) => {
    if (/content security policy|trusted type/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
  return { problems, urls, media, violations };
}

/** How far the page is wider than the window (0 or less: no horizontal scrolling). */
export const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

export async function signIn(page: Page, token: string, remember = false): Promise<void> {
  await page.getByLabel('Admin token').fill(token);
  if (remember) await page.getByLabel('Remember on this device').check();
  await page.getByRole('button', { name: 'Open inbox' }).click();
}

/** A phone (touch, mobile viewport) below 600 px, else a desktop, with the browser's clock in `timezoneId`. */
export async function newContext(browser: Browser, viewport: { width: number; height: number }, timezoneId: string): Promise<BrowserContext> {
  const phone = viewport.width < 600;
  return browser.newContext({ viewport, timezoneId, locale: 'en-US', isMobile: phone, hasTouch: phone });
}
