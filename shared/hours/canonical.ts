import type { DateItem, MonthDay, Rule, Selector } from './rules.js';
import { MONTHS, WEEKDAYS } from './rules.js';
import { formatSpan } from './parse-times.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatMonthDay(date: MonthDay): string {
  const text = `${MONTHS[date.month]} ${pad2(date.day)}`;
  return date.year === undefined ? text : `${date.year} ${text}`;
}

function formatDateItem(item: DateItem): string {
  if (item.kind === 'nth') {
    const text = `${MONTHS[item.month]} ${WEEKDAYS[item.weekday]}[${item.nth}]`;
    return item.year === undefined ? text : `${item.year} ${text}`;
  }
  if (item.to === undefined) return formatMonthDay(item.from);
  // A year is written on the end only when it differs from the start's.
  const to = item.to.year !== undefined && item.to.year === item.from.year ? { month: item.to.month, day: item.to.day } : item.to;
  return `${formatMonthDay(item.from)}-${formatMonthDay(to)}`;
}

export function formatSelector(selector: Selector): string {
  switch (selector.kind) {
    case 'always':
      return '';
    case 'weekdays':
      return selector.ranges.map(({ from, to }) => (from === to ? WEEKDAYS[from] : `${WEEKDAYS[from]}-${WEEKDAYS[to]}`)).join(',');
    case 'dates':
      return selector.items.map(formatDateItem).join(',');
  }
}

/** The one canonical spelling of a rule: `Mo-Fr 08:30-12:00,13:00-17:30 "reason"`. */
export function canonicalRule(rule: Omit<Rule, 'canonical'>): string {
  const selector = formatSelector(rule.selector);
  const isWholeWeek = rule.selector.kind === 'always' && rule.spans.length === 1 && rule.spans[0]?.start === 0 && rule.spans[0].end === 1440;
  const body = isWholeWeek ? '24/7' : rule.spans.length === 0 ? 'off' : rule.spans.map(formatSpan).join(',');
  const reason = rule.reason === undefined ? '' : ` "${rule.reason}"`;
  return `${selector === '' ? '' : `${selector} `}${body}${reason}`;
}
