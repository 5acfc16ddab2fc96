const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as an owner reads it on a phone, e.g. `Tue 24 Dec, 16:32`, in `timeZone` (an IANA
 * zone already validated by the config).
 */
export function localTime(instant: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = value;
  return `${part.weekday} ${part.day} ${part.month}, ${part.hour}:${part.minute}`;
}
