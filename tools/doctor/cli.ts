/**
 * `npm run doctor -- <front-desk URL> [--token T] [--admin-token A] [--connect-to a=b]`: is a
 * deployment ready for real calls? One line per check with a fix hint; non-zero exit on a failure.
 */
import { parseArgs } from 'node:util';
import { envTokens, readConnectTo, runCommand, UsageError } from '../call/command/options.js';
import { readEnvFile } from '../../shared/platform/env-file.js';
import { runDoctor } from './doctor.js';

const USAGE = `usage: npm run doctor -- <front-desk URL> [options]

  --token <PIVOT_TOKEN>     the token in your voice_url (https://pivot:TOKEN@...)
  --admin-token <token>     ADMIN_TOKEN: checks open, closed, menu and voicemail at other times,
                            and a recording round trip (upload, list, delete)
  --connect-to <a>=<b>      send requests for origin a to origin b (a public URL served locally)
  --schemas <dir>|none      Kazoo's callflow schemas (default ../shared/kazoo/schemas if present)
  --json                    print the checks as JSON
Tokens default to PIVOT_TOKEN/ADMIN_TOKEN from the environment or ./.env when the URL is a local
server or under that env's PUBLIC_BASE_URL or FRONT_DESK_URL; its RETENTION_DAYS and
NOTIFY_WEBHOOK_URL are checked then too.`;

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      token: { type: 'string' }, 'admin-token': { type: 'string' }, 'connect-to': { type: 'string', multiple: true },
      schemas: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const url = positionals[0];
  if (url === undefined || positionals.length > 1) throw new UsageError('give the front-desk URL (your voice_url without the token)');
  const tokens = envTokens(url);
  const token = values.token ?? tokens.pivotToken;
  const adminToken = values['admin-token'] ?? tokens.adminToken;
  // The settings are visible only when the env here is this deployment's (the same test as for its tokens).
  const visible = tokens.pivotToken !== undefined || tokens.adminToken !== undefined;
  const env = visible ? { ...readEnvFile('.env', process.env), ...process.env } : undefined;
  const result = await runDoctor({
    url,
    ...(token === undefined ? {} : { token }),
    ...(adminToken === undefined ? {} : { adminToken }),
    connectTo: Object.assign({}, ...(values['connect-to'] ?? []).map(readConnectTo)) as Record<string, string>,
    ...(values.schemas === undefined ? {} : { schemaDir: values.schemas === 'none' ? false : values.schemas }),
    ...(env === undefined ? {} : { env }),
  });
  console.log(values.json === true ? JSON.stringify(result.checks, null, 2) : result.report);
  return result.failed === 0 ? 0 : 1;
}

runCommand(main, USAGE);
