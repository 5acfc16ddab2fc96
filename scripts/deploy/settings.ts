// The owner's settings as the deploy scripts see them: `.env` (read as everything reads it) with the
// shell on top, which of them are pivot-edge variables, which are secrets, and what is wrong.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../shared/config/index.js';
import { ENV_FILE, readEnvFile } from '../../shared/platform/env-file.js';
import { configReport, type ConfigReport } from '../config-report.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Read only by the deploy scripts, never by a function. */
export const DEPLOY_ONLY = ['WORKERS_SUBDOMAIN'] as const;

/**
 * Settings of the local server, a platform's own wiring, or bindings: never pushed from `.env`
 * (Workers get storage as the R2 binding, Lambda gets its bucket and sibling URLs from the template).
 */
export const NOT_PUSHED = new Set(['PORT', 'HOST', 'RECORDINGS_DIR', 'RECORDINGS_BUCKET', 'S3_ENDPOINT', 'RECORDINGS', ...DEPLOY_ONLY]);

/**
 * Secrets go up as secrets (Workers) or NoEcho parameters (SAM) and are never printed: the names the
 * project uses today, and any future name that looks like one.
 */
export const SECRET_NAMES = ['PIVOT_TOKEN', 'ADMIN_TOKEN', 'NOTIFY_WEBHOOK_URL', 'CALLER_LOOKUP_URL', 'CALLER_LOOKUP_AUTH'] as const;
export function isSecret(name: string): boolean {
  return (SECRET_NAMES as readonly string[]).includes(name) || /(_TOKEN|_SECRET|_PASSWORD|_AUTH|_KEY)$/.test(name);
}

/** Shortest PIVOT_TOKEN a deploy accepts (the SAM template enforces the same). */
export const MIN_TOKEN_LENGTH = 24;

/** Placeholders from the docs and old wrangler.toml blocks that must never reach Kazoo. */
export const PLACEHOLDER = /your-subdomain|your_subdomain|change-me|example\.com\b/i;

export interface Settings {
  /** The file read, for messages. */
  readonly file: string;
  /** Every variable of the file (shell on top), as the functions would read them. */
  readonly env: Readonly<Record<string, string>>;
  /** Non-empty pivot-edge variables to push, in file order: name -> value. */
  readonly push: ReadonlyMap<string, string>;
  /** Variables in the file pivot-edge never reads (typos, other tools' settings): not pushed. */
  readonly unknown: readonly string[];
  /** Every variable name pivot-edge uses (documented, or read by the config parser). */
  readonly known: ReadonlySet<string>;
}

/**
 * Variable names pivot-edge uses: the README's configuration table (which `test/config/documented.test.ts`
 * keeps complete) plus every name the config parser asks for, so a variable another change adds to
 * `shared/config` flows through the deploys without an edit here.
 */
export function knownVariables(env: Readonly<Record<string, string>>, readme = readFileSync(`${root}README.md`, 'utf8')): Set<string> {
  const names = new Set<string>();
  for (const line of readme.split('\n')) {
    if (!line.startsWith('| `')) continue;
    for (const [, name] of (line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(name!);
  }
  // The parser reads exactly the variables that matter for this env (e.g. NOTIFY_FORMAT only with a webhook).
  const tracking = new Proxy(env, {
    get: (target, name) => (typeof name === 'string' && names.add(name), Reflect.get(target, name)),
    has: (target, name) => (typeof name === 'string' && names.add(name), Reflect.has(target, name)),
    ownKeys: (target) => (Object.keys(target).forEach((name) => names.add(name)), Reflect.ownKeys(target)),
  });
  parseConfig(tracking);
  return names;
}

/** Read the settings file (shell on top, as `npm start` does) and sort its variables. */
export function readSettings(file = ENV_FILE, shell: Readonly<Record<string, string | undefined>> = process.env): Settings {
  const fromFile = readEnvFile(file, shell);
  if (fromFile === undefined) throw new Error(`${file} not found: copy .env.example to .env and fill it in (README "Configuration")`);
  const known = knownVariables(fromFile);
  for (const name of DEPLOY_ONLY) known.add(name);
  const push = new Map<string, string>();
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(fromFile)) {
    if (!known.has(name)) unknown.push(name);
    else if (!NOT_PUSHED.has(name) && value.trim() !== '') push.set(name, value);
  }
  return { file, env: fromFile, push, unknown, known };
}

/** The checks both deploys run before anything leaves the machine: errors stop the deploy. */
export function preflight(settings: Settings, deployed: Readonly<Record<string, string>>): { report: ConfigReport; errors: string[]; notes: string[] } {
  // The config's own messages quote bad values; a secret's value is replaced by its name.
  const secrets = Object.entries(deployed).filter(([name, value]) => isSecret(name) && value.length > 0);
  const redact = (line: string) => secrets.reduce((text, [name, value]) => text.split(value).join(`<${name}>`), line);
  const parsed = configReport(deployed);
  const report = { ...parsed, lines: parsed.lines.map(redact), errors: parsed.errors.map(redact) };
  const errors = [...report.errors];
  const token = deployed.PIVOT_TOKEN ?? '';
  if (token.length < MIN_TOKEN_LENGTH) {
    errors.push(`error: PIVOT_TOKEN: a deployed endpoint needs a token of at least ${MIN_TOKEN_LENGTH} characters (found ${token.length}); make one with: openssl rand -hex 24`);
  }
  const admin = deployed.ADMIN_TOKEN;
  if (admin !== undefined && admin.length < MIN_TOKEN_LENGTH) {
    errors.push(`error: ADMIN_TOKEN: at least ${MIN_TOKEN_LENGTH} characters when set (found ${admin.length}); make one with: openssl rand -hex 24`);
  }
  for (const [name, value] of Object.entries(deployed)) {
    if (PLACEHOLDER.test(value) && !isSecret(name)) errors.push(`error: ${name}: still a placeholder (${JSON.stringify(value)}); set the real value in ${settings.file}`);
    else if (PLACEHOLDER.test(value)) errors.push(`error: ${name}: still a placeholder; set the real value in ${settings.file}`);
  }
  const notes = settings.unknown.map((name) => `note: ${name} is in ${settings.file} but pivot-edge does not read it (a typo?): not deployed`);
  return { report, errors, notes };
}

/** Print what a deploy would send; exit 1 (nothing deployed) on an error, 0 after a dry run, else return. */
export function printPlanOrExit(plan: { readonly lines: readonly string[]; readonly notes: readonly string[]; readonly errors: readonly string[] }, file: string, dryRun: boolean): void {
  for (const line of plan.lines) console.log(line);
  for (const note of plan.notes) console.log(note);
  for (const error of plan.errors) console.error(error);
  if (plan.errors.length > 0) {
    console.error(`nothing deployed: fix ${file} (npm run check-config shows what it means)`);
    process.exit(1);
  }
  if (dryRun) {
    console.log('dry run: nothing deployed');
    process.exit(0);
  }
}

/** `readSettings` for the command line: a missing file is a one-line error, not a stack trace. */
export function readSettingsOrExit(file: string | undefined): Settings {
  try {
    return readSettings(file);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}
