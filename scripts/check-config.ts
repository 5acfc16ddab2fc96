/**
 * `npm run check-config`: read the environment (and `.env`) as the server would, print what was
 * understood, and exit 1 when any variable is invalid. Safe to run in CI before a deploy.
 */
import { existsSync } from 'node:fs';
import { parseConfig } from '../shared/config/index.js';
import { explainHours } from '../shared/hours/index.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const config = parseConfig(process.env);

if (config.timeZone !== undefined && config.hours !== undefined) {
  console.log(explainHours(config.hours, config.timeZone, new Date()));
}
console.log(`FORCE_STATE=${config.forceState}, RESPONSE_FORMAT=${config.responseFormat}`);
console.log(`front desk: ${config.frontDesk === undefined ? 'none set' : JSON.stringify(config.frontDesk)}`);
console.log(`voicemail: ${config.voicemailBoxId === undefined ? 'recorded into /recordings' : `Kazoo box ${config.voicemailBoxId}`}`);
if (config.menu !== undefined) console.log(`menu: ${[...config.menu.entries.keys()].join(', ')} (prompt: "${config.menu.prompt}")`);
const { callers } = config;
if (callers.vipNumbers.size + callers.blockedNumbers.size > 0) console.log(`callers: ${callers.vipNumbers.size} VIP, ${callers.blockedNumbers.size} blocked`);
// The URL never carries credentials here: they were moved into the Authorization header.
if (callers.lookup !== undefined) console.log(`caller lookup: ${callers.lookup.method.toUpperCase()} ${callers.lookup.url}, ${callers.lookup.timeoutMs} ms`);
for (const warning of config.warnings) console.log(`warning: ${warning}`);
for (const problem of config.problems) console.error(`error: ${problem.message}`);
process.exitCode = config.problems.length > 0 ? 1 : 0;
