// wrangler.toml, read by wrangler itself: one worker per endpoint plus the all-in-one default,
// each with its own name, entry and identical vars, R2 and the cron only where needed, no
// secrets in vars; and the Env types in shared/platform/worker-env.ts match `wrangler types`.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';

const root = new URL('../../', import.meta.url);
const ENVS = ['front-desk', 'collected', 'gathered', 'recordings'] as const;
process.env.WRANGLER_SEND_METRICS = 'false';
const config = (env?: string) => unstable_readConfig({ config: join(root.pathname, 'wrangler.toml'), ...(env === undefined ? {} : { env }) }, { hideWarnings: true });
const SECRETS = ['PIVOT_TOKEN', 'ADMIN_TOKEN', 'CALLER_LOOKUP_AUTH'];

describe('wrangler.toml', () => {
  it.each(ENVS)('--env %s: its own worker name, main entry, vars; R2 and the cron only for recordings', (env) => {
    const worker = config(env);
    expect(worker.name).toBe(`pivot-edge-${env}`);
    expect(worker.main).toBe(join(root.pathname, `functions/${env}/worker.ts`));
    expect(existsSync(worker.main!), worker.main).toBe(true);
    expect(worker.r2_buckets.map((bucket: { binding: string }) => bucket.binding)).toEqual(env === 'recordings' ? ['RECORDINGS'] : []);
    expect(worker.triggers.crons ?? []).toHaveLength(env === 'recordings' ? 1 : 0);
    expect(worker.vars.COLLECTED_URL).toBe('https://pivot-edge-collected.YOUR-SUBDOMAIN.workers.dev');
  });

  it('the default environment is the all-in-one worker with R2 and URLs derived from the request', () => {
    const worker = config();
    expect(worker.main).toBe(join(root.pathname, 'functions/local/worker.ts'));
    expect(worker.r2_buckets.map((bucket: { binding: string }) => bucket.binding)).toEqual(['RECORDINGS']);
    expect([worker.vars.PUBLIC_BASE_URL, worker.vars.FRONT_DESK_URL, worker.vars.RECORDINGS_URL]).toEqual(['', '', '']);
  });

  it('every environment has the same vars with the same values (URLs aside), and no secrets', () => {
    const base = config().vars;
    for (const env of ENVS) {
      const vars = config(env).vars;
      expect(Object.keys(vars).sort()).toEqual(Object.keys(base).sort());
      for (const [name, value] of Object.entries(vars)) if (!name.endsWith('_URL')) expect(value, `${env} ${name}`).toBe(base[name]);
    }
    for (const secret of SECRETS) expect(base).not.toHaveProperty(secret);
  });

  it('has a var for every variable the config reads (secrets, storage and Node-only ones aside)', () => {
    const names = new Set<string>();
    for (const file of readdirSync(new URL('shared/config/', root))) {
      for (const [, name] of readFileSync(new URL(`shared/config/${file}`, root), 'utf8').matchAll(/['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|TIMEZONE|MENU)['"]/g)) names.add(name!);
    }
    const expected = [...names].filter((name) => ![...SECRETS, 'RECORDINGS_DIR', 'RECORDINGS_BUCKET', 'PORT', 'HOST'].includes(name));
    expect(Object.keys(config().vars).sort()).toEqual(expect.arrayContaining(expected.sort()));
  });
});

/** Property names (with `?` when optional) of an interface or type in a TypeScript file, inherited ones included. */
const programs = new Map<string, ts.Program>();
function propertiesOf(file: string, typeName: string, source?: string): string[] {
  let program = programs.get(file);
  if (program === undefined) {
    const host = ts.createCompilerHost({ strict: true, skipLibCheck: true, noEmit: true });
    if (source !== undefined) host.readFile = (name) => (name === file ? source : ts.sys.readFile(name));
    program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true, noLib: true, types: [] }, host);
    programs.set(file, program);
  }
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(file)!;
  let found: ts.Type | undefined;
  const visit = (node: ts.Node): void => {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name.text === typeName) found = checker.getTypeAtLocation(node.name);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (found === undefined) throw new Error(`${typeName} not found in ${file}`);
  return checker.getPropertiesOfType(found).map((symbol) => symbol.name + (symbol.flags & ts.SymbolFlags.Optional ? '?' : '')).sort();
}

describe('the Worker Env types follow wrangler.toml', () => {
  it('shared/platform/worker-env.ts has exactly the bindings `wrangler types` generates, per environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-types-'));
    try {
      const out = join(dir, 'worker-configuration.d.ts');
      await promisify(execFile)(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'types', out, '--include-runtime=false'], {
        cwd: root.pathname,
        timeout: 60_000,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      });
      // The generated file declares a namespace; as a module its interfaces can be looked up by name.
      const generated = `${await readFile(out, 'utf8')}\nexport {};`;
      const ours = join(root.pathname, 'shared/platform/worker-env.ts');
      const withoutSecrets = (names: string[]) => names.filter((name) => !SECRETS.includes(name.replace('?', '')));
      const pairs = [['FrontDeskEnv', 'PivotWorkerEnv'], ['CollectedEnv', 'PivotWorkerEnv'], ['GatheredEnv', 'PivotWorkerEnv'], ['RecordingsEnv', 'RecordingsWorkerEnv'], ['Env', 'AnyWorkerEnv']] as const;
      for (const [theirs, mine] of pairs) {
        expect(withoutSecrets(propertiesOf(ours, mine)), `${mine} vs wrangler's ${theirs}`).toEqual(propertiesOf(out, theirs, generated));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
