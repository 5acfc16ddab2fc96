import { MONTHS } from '../rules.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;
const SLASH_DATE = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/g;

function spelled(year: string | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const full = year === undefined ? '' : `${year.length === 2 ? `20${year}` : year} `;
  return `${full}${MONTHS[month - 1]} ${pad2(day)}`;
}

/**
 * `2026-12-25` and `12/25` (or `25/12`, `12/25/2026`) in the language's spelling, `2026 Dec 25`.
 * A slash date that reads both ways (04/07) is taken month first unless `dayFirst`.
 */
export function repairDates(text: string, dayFirst: boolean): string {
  return text
    .replace(ISO_DATE, (match, year: string, month: string, day: string) => spelled(year, Number(month), Number(day)) ?? match)
    .replace(SLASH_DATE, (match, first: string, second: string, year?: string) => {
      if (match === '24/7') return match;
      const [month, day] = dayFirst ? [Number(second), Number(first)] : [Number(first), Number(second)];
      return spelled(year, month, day) ?? spelled(year, day, month) ?? match;
    });
}
