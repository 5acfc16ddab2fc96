import { startLocalServer } from './functions/local/server.js';
import { loadEnvFile } from './shared/platform/env-file.js';

// The project's .env, read as wrangler reads it (shared/platform/env-file.ts); the shell's variables win.
loadEnvFile();
await startLocalServer(process.env);
