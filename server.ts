import { existsSync } from 'node:fs';
import { startLocalServer } from './functions/local/server.js';

// An env file beside the project, if present; variables already set in the shell win.
if (existsSync('.env')) process.loadEnvFile('.env');
await startLocalServer(process.env);
