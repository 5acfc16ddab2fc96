// template.yaml, read as CloudFormation reads it: four arm64 Node functions with Function URLs whose
// handlers exist after `npm run build:lambda`, every config variable wired, least privilege on the
// recordings bucket, no dependency cycle, and the URLs the owner needs as outputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLambdas, ENDPOINTS, hasLambdaEntry } from '../../scripts/build-lambda.js';
import { parseTemplate, referencedNames } from './cfn-yaml.js';

type Props = Record<string, unknown> & { Environment?: { Variables?: Record<string, unknown> }; Policies?: unknown[] };
type Resource = { Type: string; Properties: Props; DependsOn?: unknown };

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const template = parseTemplate(read('template.yaml')) as {
  Parameters: Record<string, { NoEcho?: boolean; Default?: string }>;
  Globals: { Function: Props };
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
};
const LOGICAL: Record<(typeof ENDPOINTS)[number], string> = { 'front-desk': 'FrontDesk', collected: 'Collected', gathered: 'Gathered', recordings: 'Recordings' };
const VAR: Record<(typeof ENDPOINTS)[number], string> = { 'front-desk': 'FRONT_DESK', collected: 'COLLECTED', gathered: 'GATHERED', recordings: 'RECORDINGS' };
const functions = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Serverless::Function');
const envOf = (props: Props) => ({ ...template.Globals.Function.Environment?.Variables, ...props.Environment?.Variables });
const prop = (props: Props, name: string) => props[name] ?? template.Globals.Function[name];

/** Variables the code reads: the config, the Lambda platform, the S3 store. */
function variablesReadByCode(): string[] {
  const files = [...readdirSync(new URL('../../shared/config/', import.meta.url)).map((file) => `shared/config/${file}`), 'shared/platform/lambda-siblings.ts', 'shared/platform/s3-env.ts'];
  const names = new Set<string>();
  for (const file of files.filter((file) => existsSync(new URL(`../../${file}`, import.meta.url)))) {
    for (const [, name] of read(file).matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|TIMEZONE|MENU|PORT|HOST)['"`]/g)) names.add(name!);
  }
  return [...names].sort();
}
// Not for SAM to set: the Lambda runtime provides AWS_*; the rest are the Node server's or tests'.
const NOT_WIRED = /^(AWS_[A-Z_]+|PORT|HOST|RECORDINGS_DIR|S3_ENDPOINT)$/;

describe('template.yaml', () => {
  beforeAll(() => buildLambdas(ENDPOINTS.filter(hasLambdaEntry)), 60_000);

  it('has one AWS::Serverless::Function per endpoint: Node.js 22, arm64, a Function URL, a built ESM handler', () => {
    expect(functions.map(([name]) => name).sort()).toEqual(ENDPOINTS.map((endpoint) => `${LOGICAL[endpoint]}Function`).sort());
    for (const endpoint of ENDPOINTS) {
      const props = template.Resources[`${LOGICAL[endpoint]}Function`]!.Properties;
      expect(prop(props, 'Runtime')).toMatch(/^nodejs(22|24)\.x$/);
      expect(prop(props, 'Architectures')).toEqual(['arm64']);
      expect(props.FunctionUrlConfig).toEqual({ AuthType: 'NONE' });
      expect(props.CodeUri).toBe(`dist/lambda/${endpoint}/`);
      const [file, exported] = String(prop(props, 'Handler')).split('.');
      if (!hasLambdaEntry(endpoint)) continue; // reported as a TODO until the endpoint exists
      const bundle = `dist/lambda/${endpoint}/${file}.mjs`;
      expect(existsSync(new URL(`../../${bundle}`, import.meta.url)), bundle).toBe(true);
      expect(read(bundle)).toMatch(new RegExp(`export\\s*\\{[^}]*\\bas ${exported}\\b|export\\s*\\{[^}]*\\b${exported}\\b`));
    }
  });

  it.each(variablesReadByCode().filter((name) => !NOT_WIRED.test(name) && !/_FUNCTION_NAME$|^(FRONT_DESK|COLLECTED|GATHERED|RECORDINGS)(_URL)?$|^RECORDINGS_BUCKET$/.test(name)))(
    '%s is set on every function from a Parameter',
    (name) => {
      for (const [, { Properties }] of functions) {
        const value = envOf(Properties)[name] as { Ref?: string } | undefined;
        expect(value?.Ref, name).toBeDefined();
        expect(template.Parameters[value!.Ref!], value!.Ref).toBeDefined();
      }
    },
  );

  it('gives every function each sibling URL: !GetAtt of its Function URL, or its function name to look up', () => {
    for (const endpoint of ENDPOINTS) {
      const env = envOf(template.Resources[`${LOGICAL[endpoint]}Function`]!.Properties);
      for (const sibling of ENDPOINTS.filter((other) => other !== endpoint)) {
        const wired = JSON.stringify(env[`${VAR[sibling]}_URL`] ?? env[`${VAR[sibling]}_FUNCTION_NAME`]);
        expect(wired, `${endpoint} -> ${sibling}`).toMatch(new RegExp(`${LOGICAL[sibling]}FunctionUrl","FunctionUrl|\\$\\{AWS::StackName\\}-${sibling}"`));
        const fnName = JSON.stringify(template.Resources[`${LOGICAL[sibling]}Function`]!.Properties.FunctionName);
        if (wired.includes('StackName')) expect(fnName).toContain(`\${AWS::StackName}-${sibling}`);
        if (wired.includes('StackName')) expect(JSON.stringify(template.Resources[`${LOGICAL[endpoint]}Function`]!.Properties.Policies)).toContain(`lambda:GetFunctionUrlConfig`);
      }
    }
  });

  it('has no dependency cycle (a Function URL depends on its function)', () => {
    const edges = new Map<string, string[]>();
    for (const [name, resource] of Object.entries(template.Resources)) edges.set(name, referencedNames(resource).filter((ref) => ref in template.Resources || ref.endsWith('FunctionUrl')));
    for (const [name] of functions) edges.set(`${name}Url`, [name]);
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting') throw new Error(`cycle: ${[...path, node].join(' -> ')}`);
      state.set(node, 'visiting');
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of edges.keys()) visit(node, []);
  });

  it('keeps tokens hidden (NoEcho) and the recordings bucket private, encrypted, expiring with RetentionDays', () => {
    for (const name of ['PivotToken', 'AdminToken', 'NotifyWebhookUrl']) expect(template.Parameters[name]?.NoEcho, name).toBe(true);
    const bucket = JSON.stringify(template.Resources.RecordingsBucket);
    expect(bucket).toContain('"SSEAlgorithm":"AES256"');
    expect(bucket).toContain('"RestrictPublicBuckets":true');
    expect(bucket).toMatch(/"Fn::If":\["HasRetention",\{"Id":"retention","Status":"Enabled","ExpirationInDays":\{"Ref":"RetentionDays"\}\}/);
  });

  it('lets only the recordings function write the bucket; the others read the hours override and nothing else', () => {
    type Statement = { Action: string | string[]; Resource: unknown };
    const statements = (props: Props): Statement[] => (props.Policies ?? []).flatMap((policy) => (policy as { Statement: Statement[] }).Statement);
    for (const [name, { Properties }] of functions.filter(([name]) => name !== 'RecordingsFunction')) {
      expect(envOf(Properties).RECORDINGS_BUCKET, name).toEqual({ Ref: 'RecordingsBucket' });
      const onBucket = statements(Properties).filter((statement) => JSON.stringify(statement.Resource).includes('RecordingsBucket'));
      expect(onBucket.map((statement) => [statement.Action, statement.Resource]), name).toEqual([
        ['s3:GetObject', { 'Fn::Sub': '${RecordingsBucket.Arn}/settings/*' }],
        ['s3:ListBucket', { 'Fn::GetAtt': ['RecordingsBucket', 'Arn'] }],
      ]);
    }
    const policies = JSON.stringify(template.Resources.RecordingsFunction!.Properties.Policies);
    expect(policies).not.toContain('s3:*');
  });

  it('outputs every Function URL, front-desk being the voice_url', () => {
    for (const endpoint of ENDPOINTS) {
      expect(template.Outputs[`${LOGICAL[endpoint]}Url`]?.Value).toEqual({ 'Fn::GetAtt': [`${LOGICAL[endpoint]}FunctionUrl`, 'FunctionUrl'] });
    }
  });
});
