// wrangler.toml, read by wrangler itself: one worker per endpoint plus the all-in-one default, each
// with its own name and entry, R2 and the cron only where needed, and no settings at all (`.env` is
// the one place: the deploy pushes it); and the Env types in shared/platform/worker-env.ts match
// `wrangler types`, run so that no developer's .env or .dev.vars can leak into it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

describe('wrangler.toml', () => {
  it.each(ENVS)('--env %s: its own worker name, main entry, vars, the R2 bucket; the cron only for recordings', (env) => {
    const worker = config(env);
    expect(worker.name).toBe(`pivot-edge-${env}`);
    expect(worker.main).toBe(join(root.pathname, `functions/${env}/worker.ts`));
    expect(existsSync(worker.main!), worker.main).toBe(true);
    // Every worker has the bucket: front-desk, collected and gathered read the hours override there.
    expect(worker.r2_buckets).toEqual([{ binding: 'RECORDINGS', bucket_name: 'pivot-edge-recordings' }]);
    expect(worker.triggers.crons ?? []).toHaveLength(env === 'recordings' ? 1 : 0);
  });

  it('the default environment is the all-in-one worker with R2 and the cron', () => {
    const worker = config();
    expect(worker.main).toBe(join(root.pathname, 'functions/local/worker.ts'));
    expect(worker.r2_buckets.map((bucket: { binding: string }) => bucket.binding)).toEqual(['RECORDINGS']);
    expect(worker.triggers.crons).toEqual(['17 3 * * *']);
  });

  it('holds no settings: no vars in any environment, and no placeholder URLs', () => {
    for (const env of [undefined, ...ENVS]) expect(config(env).vars, env ?? 'default').toEqual({});
    expect(readFileSync(new URL('wrangler.toml', root), 'utf8')).not.toMatch(/your-subdomain/i);
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
      // An empty --env-file: wrangler then reads neither .dev.vars nor .env, whatever the working tree holds.
      const noSettings = join(dir, 'empty.env');
      await writeFile(noSettings, '');
      await promisify(execFile)(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'types', out, '--include-runtime=false', '--env-file', noSettings], {
        cwd: root.pathname,
        timeout: 60_000,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      });
      // The generated file declares a namespace; as a module its interfaces can be looked up by name.
      const generated = `${await readFile(out, 'utf8')}\nexport {};`;
      const ours = join(root.pathname, 'shared/platform/worker-env.ts');
      const pairs = [['FrontDeskEnv', 'PivotWorkerEnv'], ['CollectedEnv', 'PivotWorkerEnv'], ['GatheredEnv', 'PivotWorkerEnv'], ['RecordingsEnv', 'RecordingsWorkerEnv'], ['Env', 'AnyWorkerEnv']] as const;
      for (const [theirs, mine] of pairs) {
        expect(propertiesOf(ours, mine), `${mine} vs wrangler's ${theirs}`).toEqual(propertiesOf(out, theirs, generated));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
