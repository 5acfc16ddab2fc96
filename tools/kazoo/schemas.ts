import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The platform's own callflow schemas beside the repo (`../shared/kazoo/schemas`); absent on a bare clone. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../shared/kazoo/schemas/', import.meta.url));

const validators = new Map<string, (name: string) => ValidateFunction | undefined>();

/**
 * A validator lookup over the `callflows.*.json` schemas of `dir` (compiled once per folder), or
 * undefined when the folder is not there.
 */
export function schemaValidators(dir: string = SCHEMA_DIR): ((name: string) => ValidateFunction | undefined) | undefined {
  const folder = dir.endsWith('/') ? dir : `${dir}/`;
  if (!existsSync(folder)) return undefined;
  let lookup = validators.get(folder);
  if (lookup === undefined) {
    const ajv = new Ajv({ strict: false, logger: false, allErrors: true, formats: { uri: (text: string) => URL.canParse(text) } });
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const { $schema: _draft, ...schema } = JSON.parse(readFileSync(`${folder}${file}`, 'utf8')) as Record<string, unknown>;
      ajv.addSchema(schema, file.replace(/\.json$/, ''));
    }
    const compiled = new Map<string, ValidateFunction | undefined>();
    lookup = (name) => {
      if (!compiled.has(name)) compiled.set(name, ajv.getSchema(name));
      return compiled.get(name);
    };
    validators.set(folder, lookup);
  }
  return lookup;
}
