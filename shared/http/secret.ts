const encoder = new TextEncoder();

/**
 * Compare a presented secret with the configured one in constant time: the loop always runs over
 * the expected secret's bytes, so timing says nothing about where the presented one differs.
 */
export function safeEqual(presented: string, expected: string): boolean {
  const given = encoder.encode(presented);
  const wanted = encoder.encode(expected);
  let difference = given.length ^ wanted.length;
  for (let index = 0; index < wanted.length; index += 1) difference |= (given[index] ?? 0) ^ (wanted[index] ?? 0);
  return difference === 0;
}

/** The password of an `Authorization: Basic` header (Kazoo sends one for URL userinfo), as sent. */
export function basicPassword(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (char) => char.charCodeAt(0)));
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
