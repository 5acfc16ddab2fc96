// Setup file of the Node test project: every console line of every test file passes through here.
// JSON log lines are kept (tests read them with `logLines()`) and not printed, unless
// PIVOT_EDGE_SHOW_LOGS=1; after each file, no line may carry a token in any form (README "Request log").
import { afterAll, vi } from 'vitest';
import { secretLeaks as leaksIn } from './secret-leaks.js';

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

/** What in `text` gives a token away, if anything: the registered tokens, `extra`, and credential shapes. */
export function secretLeaks(text: string, extra: readonly string[] = []): string[] {
  return leaksIn(text, [...secrets, ...extra]);
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
