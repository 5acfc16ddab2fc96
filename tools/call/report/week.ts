import { simulateCall } from '../simulate.js';
import type { CallOptions, CallTrace, Step } from '../types.js';

const MINUTE = 60_000;
const SAMPLE_MINUTES = 30;
const DAYS = 7;
const PARALLEL = 6;
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** One stretch of the week in which every call goes the same way. */
export interface WeekRow {
  /** Local wall time in the server's TIMEZONE, `2026-12-25T10:00`. */
  readonly from: string;
  readonly to: string;
  readonly what: string;
  readonly problems: readonly string[];
}

export interface Week {
  readonly rows: readonly WeekRow[];
  readonly calls: number;
  readonly problems: number;
  readonly report: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
/** Wall times are kept as naive UTC milliseconds: the server reads them in its own TIMEZONE. */
const wall = (ms: number) => {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
};
const parseWall = (text: string) => Date.parse(`${text}:00Z`);

function stepWords(step: Step): string | undefined {
  switch (step.kind) {
    case 'say':
      return `says "${step.text}"`;
    case 'collect':
      return `menu ← ${step.pressed === '' ? 'nothing' : step.pressed}`;
    case 'ring':
      return `rings ${step.target} ${step.id.length > 8 ? `${step.id.slice(0, 4)}…` : step.id} → ${step.outcome === 'yes' ? 'answered' : step.outcome === 'busy' ? 'busy' : 'no answer'}`;
    case 'record':
      return 'records a message';
    case 'voicemail-box':
      return 'Kazoo voicemail box';
    case 'reject':
      return `rejects (${step.code})`;
    case 'hung-up':
      return '✗ hung up';
    case 'pivot-failed':
      return "✗ pivot failed: your callflow's `_` child";
    default:
      return undefined;
  }
}

/** What a call does, in words, without latencies or ids: two calls that read the same went the same way. */
export function callSummary(trace: CallTrace): string {
  return trace.steps.map(stepWords).filter((words): words is string => words !== undefined).join(' → ');
}

async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

/**
 * `--week`: the same call every 30 minutes for 7 days from `at` (local, in the server's TIMEZONE;
 * default today 00:00 on this machine), through the real endpoints; where two samples differ the
 * change is found to the minute. Each row is a stretch in which calls go the same way.
 */
export async function runWeek(options: CallOptions, today: Date = new Date()): Promise<Week> {
  const startText = options.at !== undefined && /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(options.at) ? options.at : `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}T00:00`;
  const start = parseWall(startText);
  const { record: _record, ...rest } = options;
  const play = async (ms: number) => {
    const trace = await simulateCall({ ...rest, at: wall(ms) });
    return { ms, what: callSummary(trace), problems: trace.problems };
  };
  const samples = await inParallel(
    Array.from({ length: (DAYS * 24 * 60) / SAMPLE_MINUTES + 1 }, (_, index) => start + index * SAMPLE_MINUTES * MINUTE),
    play,
  );
  let calls = samples.length;
  const points = [samples[0]!];
  for (let index = 1; index < samples.length; index += 1) {
    const before = samples[index - 1]!;
    const after = samples[index]!;
    if (before.what === after.what) continue;
    // Bisect to the minute: the first minute that goes the new way.
    let low = before.ms;
    let high = after;
    while (high.ms - low > MINUTE) {
      const middle = await play(low + Math.floor((high.ms - low) / MINUTE / 2) * MINUTE);
      calls += 1;
      if (middle.what === before.what) low = middle.ms;
      else high = middle;
    }
    points.push(high);
  }
  const end = start + DAYS * 24 * 60 * MINUTE;
  // The sample at the very end only finds changes just before it; a change at the end itself starts nothing in this week.
  const rows = points.filter((point) => point.ms < end).map((point, index) => ({ from: wall(point.ms), to: wall(Math.min(points[index + 1]?.ms ?? end, end)), what: point.what, problems: point.problems }));
  const problems = rows.filter((row) => row.problems.length > 0).length;
  return { rows, calls, problems, report: weekReport(rows, calls) };
}

function label(text: string): string {
  const ms = parseWall(text);
  return `${WEEKDAY[new Date(ms).getUTCDay()]} ${text.slice(5, 10)} ${text.slice(11)}`;
}

/** Spoken text cut to 40 characters for the table. */
function short(what: string): string {
  return what.replace(/"([^"]*)"/g, (_whole, text: string) => {
    const characters = Array.from(text);
    return `"${characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : text}"`;
  });
}

function weekReport(rows: readonly WeekRow[], calls: number): string {
  const lines = rows.map((row) => {
    const hours = (parseWall(row.to) - parseWall(row.from)) / (60 * MINUTE);
    const span = `${label(row.from)} – ${label(row.to)}`.padEnd(33);
    return `${span} ${String(Math.round(hours * 10) / 10).padStart(5)} h  ${short(row.what) || '(nothing heard)'}${row.problems.length > 0 ? `\n${' '.repeat(43)}${row.problems.join('; ')}` : ''}`;
  });
  return [`A week of calls, local times in the server's TIMEZONE (${calls} calls, a change found to the minute):`, ...lines].join('\n');
}
