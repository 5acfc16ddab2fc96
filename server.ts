import { startLocalServer } from './functions/local/server.js';
import { setLogWriter } from './shared/http/log.js';
import { loadEnvFile } from './shared/platform/env-file.js';

// The project's .env, read as wrangler reads it (shared/platform/env-file.ts); the shell's variables win.
loadEnvFile();
// One JSON line per request on stdout, whatever its level (README "Request log").
setLogWriter((_level, text) => process.stdout.write(`${text}\n`));
await startLocalServer(process.env);
