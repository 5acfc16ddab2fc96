import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The platform's own callflow schemas beside the repo; absent on a bare clone, where these tests skip. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../shared/kazoo/schemas/', import.meta.url));
export const kazooSchemasPresent = existsSync(SCHEMA_DIR);

// Kazoo's client URL blacklist defaults (kazoo_web client.blacklist.*): these make validate_flow fail.
const BLACKLISTED_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0']);

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function loadAjv(): Ajv {
  if (ajv !== undefined) return ajv;
  ajv = new Ajv({ strict: false, logger: false, allErrors: true, formats: { uri: (text: string) => URL.canParse(text) } });
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.json'))) {
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')) as Record<string, unknown>;
    ajv.addSchema(schema, file.replace(/\.json$/, ''));
  }
  return ajv;
}

function validatorFor(name: string): ValidateFunction | undefined {
  if (!validators.has(name)) {
    const compiled = loadAjv().getSchema(name);
    if (compiled !== undefined) validators.set(name, compiled);
  }
  return validators.get(name);
}

/**
 * Validate a Callflow JSON answer the way Kazoo's validate_flow does: the action structure, then
 * every node's data against `callflows.<module>` (recursively), plus the client-URL blacklist.
 * Returns the problems; [] means Kazoo would run it.
 */
export function callflowProblems(action: unknown, path = '$'): string[] {
  const structure = validatorFor('callflows.action');
  if (structure === undefined) return ['callflows.action schema missing'];
  if (!structure(action)) return (structure.errors ?? []).map((error) => `${path}${error.instancePath}: ${error.message}`);
  const node = action as { module: string; data: Record<string, unknown>; children?: Record<string, unknown> };
  const moduleSchema = validatorFor(`callflows.${node.module}`);
  const problems: string[] = [];
  if (moduleSchema === undefined) problems.push(`${path}: unable to find callflow schema for module ${node.module}`);
  else if (!moduleSchema(node.data)) {
    problems.push(...(moduleSchema.errors ?? []).map((error) => `${path}.data${error.instancePath}: ${error.message}`));
  }
  for (const key of ['voice_url', 'url'] as const) {
    const url = node.data[key];
    if (typeof url === 'string' && URL.canParse(url) && BLACKLISTED_HOSTS.has(new URL(url).hostname)) {
      problems.push(`${path}.data.${key}: invalid client URL (blacklisted host)`);
    }
  }
  for (const [key, child] of Object.entries(node.children ?? {})) problems.push(...callflowProblems(child, `${path}.children.${key}`));
  return problems;
}
