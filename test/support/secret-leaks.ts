// What in a line of test output gives a token away: the tokens themselves in every form, and
// credential shapes whatever their value. Shared by the Node and workerd test projects.

/** Every form a token could take in a line: as is, URL-encoded, base64 alone and as the `pivot:` Basic credentials. */
function forms(secret: string): string[] {
  const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  return [secret, encodeURIComponent(secret), base64(secret), base64(`pivot:${secret}`)];
}

// Shapes that carry a credential whatever its value: a password in a URL (placeholders aside), an
// Authorization value, a token parameter.
const CREDENTIAL_SHAPES = [
  /:\/\/[^/\s:@"]+:(?!<|•)[^/\s@"]+@/,
  /\b(Basic|Bearer) (?=[A-Za-z0-9+/=._-]*[0-9+/=])[A-Za-z0-9+/=._-]{6,}/,
  /[?&]token=(?!•)[A-Za-z0-9_-]{3,}/i,
  /x-(pivot|admin)-token"?\s*[:=]\s*"?(?!•)\w/i,
];

/** What in `text` gives a token away, if anything. */
export function secretLeaks(text: string, secrets: Iterable<string> = []): string[] {
  const found: string[] = [];
  for (const secret of secrets) for (const form of forms(secret)) if (text.includes(form)) found.push(`a token (as ${JSON.stringify(form.slice(0, 3))}…)`);
  for (const shape of CREDENTIAL_SHAPES) if (shape.test(text)) found.push(`a credential shape ${shape}`);
  return found;
}

