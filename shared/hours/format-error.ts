import type { PivotEdgeError } from '../errors.js';

const WINDOW = 60;

/**
 * The error message, then the offending line of `source` with a caret under the position
 * (long lines are cut around it), e.g. for `Mon-Fri 9-5`:
 * ```
 * BUSINESS_HOURS: at position 0, found "Mon", expected …; hint: write "Mo-Fr 09:00-17:00"
 *   Mon-Fri 9-5
 *   ^
 * ```
 */
export function formatHoursError(source: string, error: PivotEdgeError): string {
  const position = error.details.position;
  if (typeof position !== 'number' || position < 0 || position > source.length) return error.message;
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  const newline = source.indexOf('\n', position);
  const line = source.slice(lineStart, newline === -1 ? source.length : newline).replace(/[\t\r]/g, ' ');
  let column = position - lineStart;
  let shown = line;
  if (line.length > WINDOW) {
    const from = Math.max(0, Math.min(column - WINDOW / 2, line.length - WINDOW));
    const cutStart = from > 0;
    shown = `${cutStart ? '…' : ''}${line.slice(from, from + WINDOW)}${from + WINDOW < line.length ? '…' : ''}`;
    column = column - from + (cutStart ? 1 : 0);
  }
  return `${error.message}\n  ${shown}\n  ${' '.repeat(column)}^`;
}
