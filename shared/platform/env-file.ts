import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { expand } from 'dotenv-expand';

/** The one settings file: `npm start`, every script and `npm run dev:workers` read it, the deploys push it. */
export const ENV_FILE = '.env';

type Shell = Readonly<Record<string, string | undefined>>;

/**
 * The variables a `.env` text defines, read exactly as wrangler 4 reads `.env` (the libraries it
 * bundles: dotenv 16 parsing, then dotenv-expand 12 for `$NAME` and `${NAME:-default}`; `\$` is a
 * literal dollar). A variable set (non-empty) in `shell` wins over the file, and expansion sees
 * the shell's variables, as in wrangler's own process. Pass `{}` for the file alone, which is what
 * `wrangler dev` binds.
 */
export function parseEnvText(text: string, shell: Shell = {}): Record<string, string> {
  const parsed = parse(text);
  const processEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(shell)) if (value !== undefined) processEnv[name] = value;
  expand({ parsed, processEnv });
  return parsed;
}

/** `parseEnvText` of a file; undefined when there is no such file. */
export function readEnvFile(path: string, shell: Shell = {}): Record<string, string> | undefined {
  return existsSync(path) ? parseEnvText(readFileSync(path, 'utf8'), shell) : undefined;
}

/**
 * Fill `target` (by default `process.env`) from `path` (by default `./.env`), variables already
 * set there winning. Returns the path read, or undefined when there was no file.
 */
export function loadEnvFile(path: string = ENV_FILE, target: Record<string, string | undefined> = process.env): string | undefined {
  const variables = readEnvFile(path, target);
  if (variables === undefined) return undefined;
  Object.assign(target, variables);
  return path;
}
