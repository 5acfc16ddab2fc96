// Setup file of the workerd test project, as test/support/log-capture.ts is for the Node one: every
// console line of a test file is kept, the JSON log lines are not printed, and after the file no
// line may give a token away (README "Request log").
import { afterAll } from 'vitest';
import { secretLeaks } from '../support/secret-leaks.js';
import { ADMIN, PIVOT } from './tokens.js';

const lines: string[] = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' ');
    lines.push(...text.split('\n'));
    if (!text.startsWith('{"time"')) original(...args);
  };
}

afterAll(() => {
  const leaks = lines.flatMap((line) => secretLeaks(line, [ADMIN, PIVOT]).map((leak) => `${leak} in: ${line.slice(0, 160)}`));
  if (leaks.length > 0) throw new Error(`the output of this test file gives tokens away:\n${leaks.slice(0, 10).join('\n')}`);
});
