// The owner's inbox (page/inbox.html, .css, .browser.js). The page holds no data: it asks for the
// admin token, keeps it in the tab's sessionStorage (or, opted in with "Remember on this device",
// in localStorage, so a link from a notice opens in any new tab) and sends it only as
// `Authorization: Bearer`. Audio plays from short-lived signed links (playback.ts), so the
// player streams and seeks with Range requests and the token never is in a URL. What is served
// is page/built/inbox.html: `npm run build:page` (scripts/build-page.ts) minifies the sources and
// inlines the style and the script, exactly one of each, neither able to end its element early.
import type { AppContext } from '../../shared/http/types.js';
import PAGE from './page/built/inbox.html';

/** The inbox page and the CSP that allows exactly its inline style and script. */
export interface InboxPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

let page: Promise<InboxPage> | undefined;

/** `GET /inbox`: the static page (no data, no token in it) under its hash-based CSP. */
export async function serveInbox(c: AppContext): Promise<Response> {
  const { html, contentSecurityPolicy } = await (page ??= inboxPage(PAGE));
  return c.html(html, 200, { 'cache-control': 'no-store', 'content-security-policy': contentSecurityPolicy });
}

/** The page with its CSP, whose hashes are worked out once per isolate from the page's own `<style>` and `<script>`. */
export async function inboxPage(html: string): Promise<InboxPage> {
  const [style, script] = await Promise.all([sha256(inside(html, 'style')), sha256(inside(html, 'script'))]);
  const contentSecurityPolicy =
    `default-src 'none'; script-src '${script}'; style-src '${style}'; media-src 'self'; connect-src 'self'; ` +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
  return { html, contentSecurityPolicy };
}

function inside(html: string, tag: 'style' | 'script'): string {
  return html.slice(html.indexOf(`<${tag}>`) + tag.length + 2, html.indexOf(`</${tag}>`));
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
