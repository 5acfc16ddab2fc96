import { startLocalServer } from './functions/local/server.js';
import { stdoutLogWriter } from './functions/local/stdout-log.js';
import { setLogWriter } from './shared/http/log.js';
import { loadEnvFile } from './shared/platform/env-file.js';

// The project's .env, read as wrangler reads it (shared/platform/env-file.ts); the shell's variables win.
loadEnvFile();
// One JSON line per request on stdout, whatever its level (README "Request log").
setLogWriter(stdoutLogWriter());
await startLocalServer(process.env);
