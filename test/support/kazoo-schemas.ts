import { existsSync } from 'node:fs';
import { SCHEMA_DIR } from '../../tools/kazoo/schemas.js';

// The checks live with the call simulator (tools/kazoo), which plays Kazoo's side the same way.
export { callflowProblems } from '../../tools/kazoo/callflow.js';
export { SCHEMA_DIR };

/** The platform's own callflow schemas beside the repo; absent on a bare clone, where these tests skip. */
export const kazooSchemasPresent = existsSync(SCHEMA_DIR);
