// Which vars and secrets go to which Worker, computed from `.env` and wrangler.toml (which keeps
// only what is not the owner's: names, entries, bindings, the cron).
import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { isSecret, preflight, root, SECRET_NAMES, type Settings } from './settings.js';

/** The per-endpoint wrangler environments, in the order they deploy. */
export const WORKER_ENVS = ['front-desk', 'collected', 'gathered', 'recordings'] as const;
const URL_VARIABLES: Readonly<Record<(typeof WORKER_ENVS)[number], string>> = {
  'front-desk': 'FRONT_DESK_URL',
  collected: 'COLLECTED_URL',
  gathered: 'GATHERED_URL',
  recordings: 'RECORDINGS_URL',
};

export interface WorkerDeploy {
  /** The wrangler environment (`''`: the default, all-in-one Worker). */
  readonly env: string;
  readonly name: string;
  readonly vars: ReadonlyMap<string, string>;
  readonly secrets: ReadonlyMap<string, string>;
}

export interface WorkersPlan {
  readonly workers: readonly WorkerDeploy[];
  readonly lines: readonly string[];
  readonly errors: readonly string[];
  readonly notes: readonly string[];
}

const workerName = (env: string): string => {
  process.env.WRANGLER_SEND_METRICS ??= 'false';
  const config = unstable_readConfig({ config: join(root, 'wrangler.toml'), ...(env === '' ? {} : { env }) }, { hideWarnings: true });
  return config.name ?? 'pivot-edge';
};

/**
 * The per-endpoint Workers' addresses of each other: `*_URL` from `.env` first, else
 * `https://<worker>.<WORKERS_SUBDOMAIN>.workers.dev`; with neither, PUBLIC_BASE_URL (one domain in
 * front of all four) must be set. Returns the URLs to set, or the error naming what to set.
 */
function siblingUrls(settings: Settings, names: Readonly<Record<string, string>>): { urls: Map<string, string>; error?: string } {
  const urls = new Map<string, string>();
  const subdomain = settings.env.WORKERS_SUBDOMAIN?.trim().replace(/\.workers\.dev$/i, '');
  if (subdomain !== undefined && subdomain !== '' && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain)) {
    return { urls, error: `error: WORKERS_SUBDOMAIN: expected your workers.dev subdomain, e.g. acme for acme.workers.dev, found ${JSON.stringify(subdomain)}` };
  }
  for (const env of WORKER_ENVS) {
    const variable = URL_VARIABLES[env];
    const explicit = settings.push.get(variable);
    if (explicit !== undefined) urls.set(variable, explicit);
    else if (subdomain !== undefined && subdomain !== '') urls.set(variable, `https://${names[env]}.${subdomain.toLowerCase()}.workers.dev`);
    else if (!settings.push.has('PUBLIC_BASE_URL')) {
      return {
        urls,
        error: `error: ${variable}: the per-endpoint Workers hand Kazoo each other's addresses; set WORKERS_SUBDOMAIN in ${settings.file} (your workers.dev subdomain: dashboard → Workers & Pages, e.g. acme), or PUBLIC_BASE_URL when one domain serves all four, or FRONT_DESK_URL, COLLECTED_URL, GATHERED_URL and RECORDINGS_URL`,
      };
    }
  }
  return { urls };
}

/** What `npm run deploy:workers` sends: per Worker, the vars (values shown) and the secrets (names only). */
export function planWorkers(settings: Settings, options: { readonly allInOne?: boolean } = {}): WorkersPlan {
  const envs = options.allInOne === true ? [''] : [...WORKER_ENVS];
  const names = Object.fromEntries(envs.map((env) => [env, workerName(env)]));
  const { urls, error } = options.allInOne === true ? { urls: new Map<string, string>() } : siblingUrls(settings, names);
  const settingsOut = new Map([...settings.push, ...urls]);
  const deployed = Object.fromEntries(settingsOut);
  const { report, errors, notes } = preflight(settings, deployed);
  if (error !== undefined) errors.unshift(error);
  const vars = new Map([...settingsOut].filter(([name]) => !isSecret(name)));
  const secrets = new Map([...settingsOut].filter(([name]) => isSecret(name)));
  const workers = envs.map((env) => ({ env, name: names[env]!, vars, secrets }));
  for (const name of SECRET_NAMES) {
    if (!secrets.has(name) && name !== 'PIVOT_TOKEN' && settings.known.has(name)) {
      notes.push(`note: ${name} is not set: a value set on a Worker before stays there (remove it with: npx wrangler secret delete ${name} --env <env>)`);
    }
  }
  const lines = [...report.lines, ''];
  for (const worker of workers) {
    lines.push(`${worker.name} (wrangler deploy${worker.env === '' ? '' : ` --env ${worker.env}`}):`);
    for (const [name, value] of worker.vars) lines.push(`  var    ${name}=${JSON.stringify(value)}`);
    for (const name of worker.secrets.keys()) lines.push(`  secret ${name} (value not shown)`);
  }
  return { workers, lines, errors, notes };
}

/** wrangler's arguments for one Worker; the secrets travel in a file, never on the command line. */
export function wranglerArgs(worker: WorkerDeploy, secretsFile: string | undefined): string[] {
  const args = ['deploy'];
  if (worker.env !== '') args.push('--env', worker.env);
  for (const [name, value] of worker.vars) args.push('--var', `${name}:${value}`);
  if (secretsFile !== undefined) args.push('--secrets-file', secretsFile);
  return args;
}
