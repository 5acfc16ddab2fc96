import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { KAZOO_REFUSED_HOSTS } from '../../../shared/config/defaults.js';
import { readEnvFile } from '../../../shared/platform/env-file.js';
import type { CallOptions, DialAnswer } from '../types.js';
import { simulateAtValue } from './when.js';

/** A bad option: the message names it and what was expected (exit code 2). */
export class UsageError extends Error {}

/** The command-line words every call takes (the CLI, and each call of a scenarios file). */
export interface CallFlags {
  readonly from?: string;
  readonly name?: string;
  readonly to?: string;
  readonly dialect?: string;
  readonly method?: string;
  readonly body?: string;
  readonly at?: string;
  readonly digits?: string | readonly (string | number)[];
  readonly answer?: string | readonly string[];
  readonly record?: string;
  readonly kazoo?: string;
}

function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = choices.find((choice) => choice === value.toLowerCase());
  if (found === undefined) throw new UsageError(`${flag}: expected ${choices.join(' or ')}, found ${JSON.stringify(value)}`);
  return found;
}

function list(value: string | readonly (string | number)[]): string[] {
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value.map(String);
}

/** `--digits 2,1`: one entry per collect; `-` (or nothing between commas) presses no key. */
export function readDigits(value: string | readonly (string | number)[]): string[] {
  return list(value).map((entry, index) => {
    if (entry === '-' || entry === '') return '';
    if (!/^[0-9*#]+$/.test(entry)) throw new UsageError(`--digits: entry ${index + 1} is ${JSON.stringify(entry)}, expected keys 0-9, * or #, or - for none`);
    return entry;
  });
}

/** The per-call options from flags; `base` is the folder a relative `--record` path is read from. */
export function callOptionsFrom(flags: CallFlags, base = '.'): Omit<CallOptions, 'url'> {
  const answers = flags.answer === undefined ? undefined : list(flags.answer).map((answer) => oneOf<DialAnswer>('--answer', answer, ['yes', 'no', 'busy']) ?? 'no');
  let at: string | undefined;
  if (flags.at !== undefined) {
    at = simulateAtValue(flags.at);
    if (at === undefined) throw new UsageError(`--at: ${JSON.stringify(flags.at)} is not a time; write "Dec 25 10:00", "Mon 09:30", "2026-12-25T10:00" (in the server's TIMEZONE) or "2026-12-25T15:00:00Z"`);
  }
  let record: CallOptions['record'];
  if (flags.record !== undefined) {
    const path = flags.record.startsWith('/') ? flags.record : `${base}/${flags.record}`;
    if (!existsSync(path)) throw new UsageError(`--record: no file ${flags.record}`);
    record = { bytes: new Uint8Array(readFileSync(path)), name: basename(path) };
  }
  const dialect = oneOf('--dialect', flags.dialect, ['kazoo', 'twiml'] as const);
  const method = oneOf('--method', flags.method, ['get', 'post'] as const);
  const bodyFormat = oneOf('--body', flags.body, ['form', 'json'] as const);
  const kazoo = oneOf('--kazoo', flags.kazoo === undefined ? undefined : flags.kazoo.replace(/^5.*/, '5'), ['4.3', '5'] as const);
  return {
    ...(flags.from === undefined ? {} : { callerNumber: flags.from }),
    ...(flags.name === undefined ? {} : { callerName: flags.name }),
    ...(flags.to === undefined ? {} : { dialled: flags.to }),
    ...(dialect === undefined ? {} : { dialect }),
    ...(method === undefined ? {} : { method }),
    ...(bodyFormat === undefined ? {} : { bodyFormat }),
    ...(at === undefined ? {} : { at }),
    ...(flags.digits === undefined ? {} : { digits: readDigits(flags.digits) }),
    ...(answers === undefined ? {} : { answers }),
    ...(record === undefined ? {} : { record }),
    ...(kazoo === undefined ? {} : { kazoo }),
  };
}

/** `https://pivot.example.com=http://127.0.0.1:8787`: requests for the first origin go to the second. */
export function readConnectTo(value: string): Record<string, string> {
  const [from, to] = value.split('=');
  if (from === undefined || to === undefined || !URL.canParse(from) || !URL.canParse(to)) {
    throw new UsageError(`--connect-to: expected <origin Kazoo uses>=<origin to reach it at>, e.g. https://pivot.example.com=http://127.0.0.1:8787, found ${JSON.stringify(value)}`);
  }
  return { [new URL(from).origin]: new URL(to).origin };
}

/** Whether a URL's host is one Kazoo refuses (a local server tried on purpose). */
export function isLocal(url: string): boolean {
  return URL.canParse(url) && KAZOO_REFUSED_HOSTS.has(new URL(url).hostname);
}

/**
 * PIVOT_TOKEN, ADMIN_TOKEN (and PUBLIC_BASE_URL) from the environment or the `.env` of this folder,
 * but only for a URL they belong to: a local server, or one under the PUBLIC_BASE_URL /
 * FRONT_DESK_URL of the same env. A token is never sent to anyone else's URL without `--token`.
 */
export function envTokens(url: string, env: Readonly<Record<string, string | undefined>> = process.env, dotEnvPath = '.env'): { pivotToken?: string; adminToken?: string; publicBaseUrl?: string } {
  const merged: Record<string, string | undefined> = { ...readEnvFile(dotEnvPath, env), ...env };
  const ours = [merged.PUBLIC_BASE_URL, merged.FRONT_DESK_URL].filter((base): base is string => base !== undefined && base !== '' && URL.canParse(base));
  const belongs = isLocal(url) || ours.some((base) => URL.canParse(url) && new URL(url).origin === new URL(base).origin);
  if (!belongs) return {};
  const pick = (name: string, key: string) => (merged[name] === undefined || merged[name] === '' ? {} : { [key]: merged[name] });
  return { ...pick('PIVOT_TOKEN', 'pivotToken'), ...pick('ADMIN_TOKEN', 'adminToken'), ...pick('PUBLIC_BASE_URL', 'publicBaseUrl') };
}

/**
 * Run a command's `main` and set the exit code: its own result, 2 for a usage mistake (the
 * message, then the usage), 3 for anything unexpected.
 */
export function runCommand(main: (argv: readonly string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        console.error(`${(error as Error).message}\n\n${usage}`);
        process.exitCode = 2;
      } else {
        console.error(error);
        process.exitCode = 3;
      }
    },
  );
}
