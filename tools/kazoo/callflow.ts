import { KAZOO_REFUSED_HOSTS } from '../../shared/config/defaults.js';
import { builtInDataProblems } from './modules.js';
import { schemaValidators, SCHEMA_DIR } from './schemas.js';

/** How a Callflow JSON answer was checked, and what Kazoo's validate_flow would say. [] means Kazoo runs it. */
export interface CallflowCheck {
  readonly problems: readonly string[];
  /** `schemas`: Kazoo's own callflow schemas; `built-in`: what the simulator knows of the common modules. */
  readonly by: 'schemas' | 'built-in';
}

/**
 * Validate a Callflow JSON answer the way Kazoo's validate_flow does (pivot-protocol.md §3.3):
 * the action structure, then every node's data against `callflows.<module>` (recursively, before
 * anything runs), plus the client-URL blacklist on `voice_url` and `url`. Uses the schemas in
 * `schemaDir` when that folder exists, otherwise the built-in knowledge (tools/kazoo/modules.ts).
 */
export function checkCallflow(action: unknown, schemaDir: string | false = SCHEMA_DIR): CallflowCheck {
  const validators = schemaDir === false ? undefined : schemaValidators(schemaDir);
  const problems: string[] = [];
  const visit = (node: unknown, path: string): void => {
    // With the schemas the root's check covers the whole tree; without, each node is checked here.
    const structure = validators === undefined || path === '$' ? structureProblems(node, path, validators) : [];
    if (structure.length > 0) {
      problems.push(...structure);
      return;
    }
    const { module, data, children } = node as { module: string; data: Record<string, unknown>; children?: Record<string, unknown> };
    if (validators === undefined) {
      const found = builtInDataProblems(module, data, path);
      problems.push(...(found ?? [`${path}: unable to find callflow schema for module ${module}`]));
    } else {
      const moduleSchema = validators(`callflows.${module}`);
      if (moduleSchema === undefined) problems.push(`${path}: unable to find callflow schema for module ${module}`);
      else if (!moduleSchema(data)) problems.push(...(moduleSchema.errors ?? []).map((error) => `${path}.data${dotted(error.instancePath)}: ${error.message}`));
    }
    for (const key of ['voice_url', 'url'] as const) {
      const url = data[key];
      if (typeof url === 'string' && URL.canParse(url) && KAZOO_REFUSED_HOSTS.has(new URL(url).hostname)) {
        problems.push(`${path}.data.${key}: invalid client URL (Kazoo refuses ${new URL(url).hostname})`);
      }
    }
    for (const [key, child] of Object.entries(children ?? {})) visit(child, `${path}.children.${key}`);
  };
  visit(action, '$');
  return { problems, by: validators === undefined ? 'built-in' : 'schemas' };
}

/** The action structure (module, data, children), checked once for the whole tree as validate_flow does. */
function structureProblems(node: unknown, path: string, validators: ReturnType<typeof schemaValidators>): string[] {
  const structure = validators?.('callflows.action');
  if (structure !== undefined) return structure(node) ? [] : (structure.errors ?? []).map((error) => `${path}${dotted(error.instancePath)}: ${error.message}`);
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [`${path}: must be object`];
  const { module, data, children } = node as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof module !== 'string' || module === '' || module.length > 64) problems.push(`${path}.module: must be a string of 1 to 64 characters`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) problems.push(`${path}: must have required property 'data' (an object)`);
  if (children !== undefined && (typeof children !== 'object' || children === null || Array.isArray(children))) problems.push(`${path}.children: must be object`);
  return problems;
}

/** ajv's `/children/_/data` as `.children._.data`, like the built-in checks write it. */
function dotted(pointer: string): string {
  return pointer.replace(/\//g, '.');
}

/** The test oracle: problems by Kazoo's own schemas (callers skip when `kazooSchemasPresent` is false). */
export function callflowProblems(action: unknown): string[] {
  return [...checkCallflow(action).problems];
}
