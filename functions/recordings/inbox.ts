// The owner's inbox (page/inbox.html, .css, .browser.js). The page holds no data: it asks for the
// admin token, keeps it in the tab's sessionStorage (or, opted in with "Remember on this device",
// in localStorage, so a link from a notice opens in any new tab) and sends it only as
// `Authorization: Bearer`. Audio plays from short-lived signed links (playback.ts), so the
// player streams and seeks with Range requests and the token never is in a URL. What is served
// is page/built/, the sources minified by `npm run build:page` (scripts/build-page.ts).
import type { AppContext } from '../../shared/http/types.js';
import STYLE from './page/built/inbox.css';
import SCRIPT from './page/built/inbox.browser.js';
import TEMPLATE from './page/built/inbox.html';

/** The inbox page: its HTML with the style and script inlined, and the CSP that allows exactly those. */
export interface InboxPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

let page: Promise<InboxPage> | undefined;

/** `GET /inbox`: the static page (no data, no token in it) under its hash-based CSP. */
export async function serveInbox(c: AppContext): Promise<Response> {
  const { html, contentSecurityPolicy } = await (page ??= buildInboxPage(TEMPLATE, STYLE, SCRIPT));
  return c.html(html, 200, { 'cache-control': 'no-store', 'content-security-policy': contentSecurityPolicy });
}

/**
 * Inlines `style` and `script` into the empty `<style></style>` and `<script></script>` of
 * `template`, and hashes both for the Content-Security-Policy (computed once per isolate).
 */
export async function buildInboxPage(template: string, style: string, script: string): Promise<InboxPage> {
  const html = inline(inline(template, 'style', style), 'script', script);
  const [styleHash, scriptHash] = await Promise.all([sha256(style), sha256(script)]);
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    `style-src '${styleHash}'`,
    "media-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}

function inline(template: string, tag: 'style' | 'script', text: string): string {
  const empty = `<${tag}></${tag}>`;
  const at = template.indexOf(empty);
  if (at < 0 || template.indexOf(empty, at + 1) >= 0) throw new Error(`the inbox page needs exactly one empty ${empty}`);
  if (text.toLowerCase().includes(`</${tag}`)) throw new Error(`the inbox ${tag} must not contain </${tag}`);
  return template.slice(0, at) + `<${tag}>${text}</${tag}>` + template.slice(at + empty.length);
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
