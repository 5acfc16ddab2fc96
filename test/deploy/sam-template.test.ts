// template.yaml, read as CloudFormation reads it: four arm64 Node functions with Function URLs whose
// handlers exist after `npm run build:lambda`, every config variable wired, least privilege on the
// recordings bucket, no dependency cycle, and the URLs the owner needs as outputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseConfig } from '../../shared/config/index.js';
import { parameterMap, readTemplate, refusal } from '../../scripts/deploy/lambda-plan.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLambdas, DEBUG_DIR, ENDPOINTS, hasLambdaEntry } from '../../scripts/build-lambda.js';
import { parseTemplate, referencedNames } from '../../scripts/deploy/cfn-yaml.js';

type Props = Record<string, unknown> & { Environment?: { Variables?: Record<string, unknown> }; Policies?: unknown[] };
type Resource = { Type: string; Properties: Props; DependsOn?: unknown };

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const template = parseTemplate(read('template.yaml')) as {
  Parameters: Record<string, { NoEcho?: boolean; Default?: string | number; AllowedPattern?: string; AllowedValues?: unknown[] }>;
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
      const parameter = parameterMap(readTemplate()).get(name);
      expect(parameter, name).toBeDefined();
      expect(template.Parameters[parameter!], parameter).toBeDefined();
      for (const [, { Properties }] of functions) expect(JSON.stringify(envOf(Properties)[name])).toContain(`{"Ref":"${parameter}"}`);
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

  it('requires a PivotToken of 24 characters or the named use-secrets-manager choice: Enter publishes nothing open', () => {
    const token = readTemplate().Parameters.PivotToken!;
    expect(token.Default).toBeUndefined();
    for (const refused of ['', 'short', 'a'.repeat(23), `${'a'.repeat(23)} `]) expect(refusal(token, refused), JSON.stringify(refused)).toBeDefined();
    for (const accepted of ['a'.repeat(24), '0123456789abcdef'.repeat(3), 'use-secrets-manager']) expect(refusal(token, accepted), accepted).toBeUndefined();
    expect(refusal(readTemplate().Parameters.AdminToken!, '')).toBeUndefined();
    expect(refusal(readTemplate().Parameters.AdminToken!, 'admin')).toBeDefined();
  });

  it('offers Secrets Manager for the tokens and the webhook: a dynamic reference of the same-named key', () => {
    for (const [variable, parameter] of [['PIVOT_TOKEN', 'PivotToken'], ['ADMIN_TOKEN', 'AdminToken'], ['NOTIFY_WEBHOOK_URL', 'NotifyWebhookUrl']] as const) {
      expect(template.Globals.Function.Environment?.Variables?.[variable]).toEqual({
        'Fn::If': [`${parameter}FromSecret`, { 'Fn::Sub': `{{resolve:secretsmanager:\${SecretsManagerSecret}:SecretString:${variable}}}` }, { Ref: parameter }],
      });
      expect(JSON.stringify((template as unknown as { Conditions: Record<string, unknown> }).Conditions[`${parameter}FromSecret`])).toBe(`{"Fn::Equals":[{"Ref":"${parameter}"},"use-secrets-manager"]}`);
    }
  });

  it('gives every function its own log group with the LogRetentionDays retention', () => {
    for (const [name, { Properties }] of functions) {
      const group = (Properties.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined)?.LogGroup?.Ref;
      expect(group, name).toBeDefined();
      const resource = template.Resources[group!]!;
      expect(resource.Type).toBe('AWS::Logs::LogGroup');
      expect(resource.Properties.RetentionInDays).toEqual({ Ref: 'LogRetentionDays' });
      expect(JSON.stringify(resource.Properties.LogGroupName)).toContain(String(Properties.FunctionName && JSON.stringify(Properties.FunctionName).match(/-([a-z-]+)"/)?.[1]));
    }
    expect(template.Parameters.LogRetentionDays?.AllowedValues).toContain(30);
  });

  it('uploads only the code: each CodeUri folder holds index.mjs and package.json, no source map or metafile', () => {
    for (const endpoint of ENDPOINTS.filter(hasLambdaEntry)) {
      const folder = new URL(`../../dist/lambda/${endpoint}/`, import.meta.url);
      expect(readdirSync(folder).sort(), endpoint).toEqual(['index.mjs', 'package.json']);
      expect(read(`dist/lambda/${endpoint}/index.mjs`)).not.toContain('sourceMappingURL');
      expect(existsSync(new URL(`../../dist/lambda/${DEBUG_DIR}/${endpoint}/index.mjs.map`, import.meta.url))).toBe(true);
    }
    expect(JSON.stringify(template.Globals.Function)).not.toContain('enable-source-maps');
  });

  // Values to try against each parameter's constraints and the app's parser.
  const CANDIDATES = [
    '', ' ', '0', '00', '1', '2', '4', '5', '05', '6', '9', '10', '20', '99', '100', '599', '600', '601', '999', '1000', '3600', '9999', '10000', '10799', '10800', '10801',
    '36499', '36500', '36501', '99999', '-1', '5.0', '1e3', '+5', 'abc', 'auto', 'open', 'CLOSED', 'twiml', 'male', 'en', 'en-gb', 'EN', 'de', 'pt', 'mp3', 'wav', 'slack',
    'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'A1B2C3D4E5F60718293A4B5C6D7E8F90', 'a1b2c3d4e5f60718293a4b5c6d7e8f9', 'g1b2c3d4e5f60718293a4b5c6d7e8f90',
    '+15551234567', '(555) 123-4567', '555.123.4567', '12', '123', '+1 (555) 123', '1234567890123456', '+-5551234', '555+123',
    'https://hooks.example.org/x', 'http://h.example.org', 'https://', 'https:///x', 'ftp://x.example.org',
  ];
  // Intended narrower on Lambda than in the app (a Function URL takes 6 MB; CloudFormation wants RetentionDays as an integer;
  // choices have a template default instead of the app's empty one).
  const NARROWER = new Set(['MAX_RECORDING_MB', 'RETENTION_DAYS', 'TTS_LANGUAGE', 'FORCE_STATE', 'RESPONSE_FORMAT', 'TTS_VOICE', 'RECORDING_FORMAT', 'NOTIFY_FORMAT', 'PUBLIC_BASE_URL', 'NOTIFY_WEBHOOK_URL', 'LOG_LEVEL']);
  const constrained = [...parameterMap(readTemplate())].filter(([, parameter]) => {
    const definition = readTemplate().Parameters[parameter]!;
    return definition.AllowedPattern !== undefined || definition.AllowedValues !== undefined;
  });

  it.each(constrained)('%s (%s): every value the template accepts, the app accepts; exactly the same set unless intended narrower', (variable, parameter) => {
    const definition = readTemplate().Parameters[parameter]!;
    // The webhook is parsed only as a URL; FRONT_DESK_* one at a time; a token of 24+ characters is any string to the app.
    const base = { TIMEZONE: 'UTC', ...(variable === 'NOTIFY_FORMAT' ? { NOTIFY_WEBHOOK_URL: 'https://hooks.example.org/x' } : {}), ...(variable === 'MENU_RETRIES' ? { MENU: '9=voicemail' } : {}) };
    const appAccepts = (value: string) => !parseConfig({ ...base, [variable]: value }).problems.some((problem) => problem.variable === variable);
    for (const value of CANDIDATES) {
      const templateAccepts = refusal(definition, value) === undefined;
      if (templateAccepts && value !== 'use-secrets-manager') expect(appAccepts(value), `${variable}=${JSON.stringify(value)} passes the template but not the app`).toBe(true);
      if (!NARROWER.has(variable) && value.trim() === value && appAccepts(value) && !/TOKEN/.test(variable)) {
        expect(templateAccepts, `${variable}=${JSON.stringify(value)} passes the app but the template refuses it`).toBe(true);
      }
    }
  });
});
