// The local server's log writer gathers lines and writes them once per turn of the event loop:
// every line arrives, in order, whole, and what is gathered when the process exits is not lost.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { stdoutLogWriter } from '../../functions/local/stdout-log.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

it('writes the lines of one turn in one write, in order, each ending in a newline', async () => {
  const writes: string[] = [];
  const write = stdoutLogWriter({ write: (text: string) => writes.push(text) });
  write('info', '{"n":1}');
  write('warn', '{"n":2}');
  write('error', '{"n":3}');
  expect(writes).toEqual([]);
  await nextTurn();
  expect(writes).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
  write('info', '{"n":4}');
  await nextTurn();
  await nextTurn();
  expect(writes).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', '{"n":4}\n']);
});

it('writes at once when 64 KiB are gathered, so a burst never holds more than that', async () => {
  const writes: string[] = [];
  const write = stdoutLogWriter({ write: (text: string) => writes.push(text) });
  const line = `{"pad":"${'x'.repeat(1000)}"}`;
  for (let i = 0; i < 100; i++) write('info', line);
  expect(writes.length).toBe(1);
  expect(writes[0]!.length).toBeGreaterThanOrEqual(65_536);
  await nextTurn();
  const all = writes.join('').split('\n');
  expect(all.pop()).toBe('');
  expect(all).toEqual(Array.from({ length: 100 }, () => line));
});

it('writes what is gathered when the process exits in the same turn', async () => {
  const script = [
    "const { stdoutLogWriter } = await import('./functions/local/stdout-log.ts');",
    "const write = stdoutLogWriter();",
    "for (let i = 0; i < 3; i++) write('info', JSON.stringify({ n: i }));",
    'process.exit(0);',
  ].join('\n');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
  expect(stdout).toBe('{"n":0}\n{"n":1}\n{"n":2}\n');
}, 30_000);
