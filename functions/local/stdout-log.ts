import type { LogLevel } from '../../shared/http/log.js';

interface Output {
  write(text: string): unknown;
}

/**
 * The local server's request log writer: every level to stdout, one JSON line each. Lines are
 * gathered and written once per turn of the event loop (or at 64 KiB), so a busy server makes one
 * write for many requests instead of one blocking write each; whatever is still gathered when the
 * process exits is written then.
 */
export function stdoutLogWriter(output: Output = process.stdout): (level: LogLevel, text: string) => void {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    output.write(text);
  };
  // stdout to a file or a pipe is written synchronously on Linux, so this last write is not lost.
  process.once('exit', flush);
  return (_level, text) => {
    pending += `${text}\n`;
    if (pending.length >= 65_536) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
