// Setup file of the Node test project: every console line of every test file passes through here.
// JSON log lines are kept (tests read them with `logLines()`) and not printed, unless
// PIVOT_EDGE_SHOW_LOGS=1; after each file, no line may carry a token in any form (README "Request log").
import { afterAll, vi } from 'vitest';

const SHOW = process.env.PIVOT_EDGE_SHOW_LOGS === '1';
const lines: string[] = [];
const secrets = new Set<string>();

// Every config the code parses registers its tokens, whichever test built it.
vi.mock('../../shared/config/parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/config/parse.js')>();
  return {
    ...original,
    parseConfigWith: (env: Readonly<Record<string, unknown>>, ...rest: unknown[]) => {
      for (const name of ['PIVOT_TOKEN', 'ADMIN_TOKEN']) if (typeof env[name] === 'string') registerSecret(env[name]);
      return (original.parseConfigWith as (...args: unknown[]) => ReturnType<typeof original.parseConfigWith>)(env, ...rest);
    },
  };
});

/** A secret the suite's output must never show (tokens shorter than 6 characters read as ordinary words and are skipped). */
export function registerSecret(secret: string): void {
  if (secret.trim().length >= 6) secrets.add(secret.trim());
}

/** Every form a token could take in a line: as is, URL-encoded, base64 alone and as the `pivot:` Basic credentials. */
function forms(secret: string): string[] {
  const base64 = (text: string) => Buffer.from(text).toString('base64');
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
export function secretLeaks(text: string, extra: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const secret of [...secrets, ...extra]) for (const form of forms(secret)) if (text.includes(form)) found.push(`a token (as ${JSON.stringify(form.slice(0, 3))}…)`);
  for (const shape of CREDENTIAL_SHAPES) if (shape.test(text)) found.push(`a credential shape ${shape}`);
  return found;
}

/** The request log lines (and other JSON events) written so far in this test file, parsed. */
export function logLines(): Record<string, unknown>[] {
  return lines.filter((line) => line.startsWith('{"time"')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' ');
    lines.push(...text.split('\n'));
    if (SHOW || !text.startsWith('{"time"')) original(...args);
  };
}

afterAll(() => {
  const leaks = lines.flatMap((line) => secretLeaks(line).map((leak) => `${leak} in: ${line.slice(0, 160)}`));
  if (leaks.length > 0) throw new Error(`the output of this test file gives tokens away:\n${leaks.slice(0, 10).join('\n')}`);
});
