/**
 * Explains a BUSINESS_HOURS value: canonical form, warnings, open/closed now, next change and the
 * next 14 days. Usage: tsx scripts/hours.ts [schedule] [--tz Zone] [--at ISO] [--days N]
 * Defaults come from BUSINESS_HOURS and TIMEZONE (read from .env as `npm start` reads it; the shell's variables win).
 */
import { isPivotEdgeError } from '../shared/errors.js';
import { DEFAULT_RECORDINGS_DIR } from '../shared/config/defaults.js';
import { explainHours, formatHoursError, parseHours } from '../shared/hours/index.js';
import { loadEnvFile } from '../shared/platform/env-file.js';
import { localOverrideLine } from '../shared/override/local-report.js';

const USAGE = 'usage: tsx scripts/hours.ts [schedule] [--tz Zone] [--at ISO-instant] [--days N]';

interface Options {
  schedule?: string;
  timeZone?: string;
  at?: string;
  days?: string;
}

function readOptions(args: readonly string[]): Options {
  const options: Options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) fail(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--tz') options.timeZone = value();
    else if (arg === '--at') options.at = value();
    else if (arg === '--days') options.days = value();
    else if (arg === '--help' || arg === '-h') fail(USAGE, 0);
    else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else options.schedule = arg;
  }
  return options;
}

function fail(message: string, code = 1): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

async function main(): Promise<void> {
  loadEnvFile();
  const options = readOptions(process.argv.slice(2));
  const source = options.schedule ?? process.env.BUSINESS_HOURS;
  const timeZone = options.timeZone ?? process.env.TIMEZONE;
  if (source === undefined) fail(`no schedule: pass one or set BUSINESS_HOURS\n${USAGE}`);
  if (timeZone === undefined || timeZone === '') fail(`no time zone: pass --tz or set TIMEZONE\n${USAGE}`);
  const now = options.at === undefined ? new Date() : new Date(options.at);
  if (Number.isNaN(now.getTime())) fail(`--at: not an instant: ${JSON.stringify(options.at)} (e.g. 2026-12-24T15:00:00Z)`);
  const days = options.days === undefined ? 14 : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) fail('--days: a whole number from 1 to 366');
  try {
    const hours = parseHours(source);
    console.log(explainHours(hours, timeZone, now, days));
    console.log(await localOverrideLine(process.env.RECORDINGS_DIR || DEFAULT_RECORDINGS_DIR, { hours, timeZone, problems: [] }, now));
  } catch (error) {
    if (!isPivotEdgeError(error)) throw error;
    fail(error.code === 'hours_syntax' ? formatHoursError(source, error) : error.message);
  }
}

await main();
