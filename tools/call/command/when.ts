const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];

const pad = (value: number): string => String(value).padStart(2, '0');
const localDate = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * `--at` as the value of `X-Simulate-At`: an ISO instant as it is; a local time in the server's
 * TIMEZONE as `2026-12-25T10:00`, from `2026-12-25 10:00`, `Dec 25 10:00` (the next Dec 25),
 * `Mon 09:30` (the next Monday, today included), `tomorrow 08:00` or `17:30` (today). Undefined
 * when the text is none of these. `today` is this machine's date.
 */
export function simulateAtValue(text: string, today: Date = new Date()): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  if (/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)$/i.test(value)) return Number.isNaN(Date.parse(value)) ? undefined : value;
  const iso = /^(\d{4}-\d\d-\d\d)[T ](\d\d?):(\d\d)$/.exec(value);
  if (iso !== null) return `${iso[1]}T${pad(Number(iso[2]))}:${iso[3]}`;
  const match = /^(?:(\w+)(?: (\d{1,2}))? )?(\d{1,2}):(\d\d)$/.exec(value);
  if (match === null) return undefined;
  const [, word, dayOfMonth, hour, minute] = match;
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  const time = `T${pad(Number(hour))}:${minute}`;
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  if (word === undefined || word.toLowerCase() === 'today') return dayOfMonth === undefined ? localDate(start) + time : undefined;
  const name = word.toLowerCase();
  if (name === 'tomorrow' && dayOfMonth === undefined) return localDate(new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1)) + time;
  const month = MONTHS.indexOf(name.slice(0, 3));
  if (month >= 0 && dayOfMonth !== undefined) {
    let date = new Date(start.getFullYear(), month, Number(dayOfMonth));
    if (date.getMonth() !== month) return undefined;
    if (date < start) date = new Date(start.getFullYear() + 1, month, Number(dayOfMonth));
    return localDate(date) + time;
  }
  const weekday = WEEKDAYS.indexOf(name.slice(0, 2));
  if (weekday >= 0 && dayOfMonth === undefined) {
    const ahead = (weekday - start.getDay() + 7) % 7;
    return localDate(new Date(start.getFullYear(), start.getMonth(), start.getDate() + ahead)) + time;
  }
  return undefined;
}
