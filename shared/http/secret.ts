const BASIC = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i;
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * Compare a presented secret with the configured one in constant time: the loop always runs over
 * the expected secret, so timing says nothing about where the presented one differs. Strings are
 * equal exactly when their UTF-16 units are, so comparing units compares the same as bytes would.
 */
export function safeEqual(presented: string, expected: string): boolean {
  let difference = presented.length ^ expected.length;
  // Past the presented string's end charCodeAt gives NaN, which `| 0` turns into 0.
  for (let index = 0; index < expected.length; index += 1) difference |= (presented.charCodeAt(index) | 0) ^ expected.charCodeAt(index);
  return difference === 0;
}

/** The password of an `Authorization: Basic` header (Kazoo sends one for URL userinfo), as sent. */
export function basicPassword(header: string | undefined): string | undefined {
  const match = BASIC.exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  try {
    const binary = atob(match[1]);
    // The bytes are UTF-8: only text beyond ASCII needs decoding (a token nearly never is).
    const decoded = NOT_ASCII.test(binary) ? new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))) : binary;
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  } catch {
    return undefined;
  }
}

/** The token of an `Authorization: Bearer` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/**
 * `text` with each valid `%XX` UTF-8 sequence decoded and anything else left as it is. Kazoo's
 * HTTP client (OTP httpc) puts URL userinfo into Basic auth as written, still percent-encoded, and
 * the URLs we hand out percent-encode a token's reserved characters (but not a `%` of its own).
 */
export function percentDecodedLoosely(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodedRun);
}

/** A run of `%XX` escapes: its longest valid UTF-8 prefix decoded, then the rest the same way. */
function decodedRun(run: string): string {
  if (run === '') return '';
  for (let end = run.length; end > 0; end -= 3) {
    try {
      return decodeURIComponent(run.slice(0, end)) + decodedRun(run.slice(end));
    } catch {
      // A shorter prefix may still be valid.
    }
  }
  return run.slice(0, 3) + decodedRun(run.slice(3));
}
