/**
 * `npm run call -- <voice_url> [options]`: play Kazoo's side of one call against any voice_url and
 * print what the caller hears, one line per step. `--scenarios <file>` runs a file of calls with
 * expectations; `--week` shows the next 7 days. README "Try it without a phone".
 */
import { parseArgs } from 'node:util';
import { callOptionsFrom, envTokens, isLocal, readConnectTo, runCommand, UsageError, type CallFlags } from './command/options.js';
import { runScenarioFile } from './report/scenarios.js';
import { simulateCall } from './simulate.js';
import { transcript } from './report/transcript.js';
import type { CallOptions } from './types.js';
import { runWeek } from './report/week.js';

const USAGE = `usage: npm run call -- <voice_url> [options]
       npm run call -- --scenarios <file> [<voice_url>] [options]
       npm run call -- <voice_url> --week [options]

  --from <number>         the caller's number (default +14155550100)
  --name <text>           the caller's name
  --to <number>           the dialled number
  --at <time>             "Dec 25 10:00", "Mon 09:30", "2026-12-25T10:00" (the server's TIMEZONE)
                          or "2026-12-25T15:00:00Z"; sent as X-Simulate-At with X-Admin-Token
  --digits <keys,...>     key presses, one entry per menu: --digits 2,1 (- for none)
  --answer <yes|no|busy>  how a ring ends (a list for several rings: --answer no,yes)
  --record <file>         the caller's message, uploaded as Kazoo would upload it
  --token <PIVOT_TOKEN>   put into the voice_url as https://pivot:TOKEN@...
  --admin-token <token>   ADMIN_TOKEN, for --at
  --dialect kazoo|twiml   the pivot node's req_format (default kazoo)
  --method get|post       the pivot node's method (default get)
  --body form|json        the pivot node's req_body_format, for post (default form)
  --kazoo 4.3|5           which Kazoo to play (recording uploads differ; default 4.3)
  --connect-to <a>=<b>    send requests for origin a to origin b (a public URL served locally)
  --schemas <dir>|none    Kazoo's callflow schemas (default ../shared/kazoo/schemas if present)
  --json                  print the trace as JSON
Tokens: --token/--admin-token, else PIVOT_TOKEN/ADMIN_TOKEN from the environment or ./.env,
but only for a local server or a URL under that env's PUBLIC_BASE_URL or FRONT_DESK_URL. A local
server's PUBLIC_BASE_URL is reached at the local address (as if --connect-to).`;

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      from: { type: 'string' }, name: { type: 'string' }, to: { type: 'string' }, at: { type: 'string' },
      digits: { type: 'string' }, answer: { type: 'string' }, record: { type: 'string' },
      token: { type: 'string' }, 'admin-token': { type: 'string' }, dialect: { type: 'string' }, method: { type: 'string' },
      body: { type: 'string' }, kazoo: { type: 'string' }, 'connect-to': { type: 'string', multiple: true }, schemas: { type: 'string' },
      json: { type: 'boolean' }, scenarios: { type: 'string' }, week: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const url = positionals[0];
  if (positionals.length > 1) throw new UsageError(`one voice_url, found ${positionals.length} arguments`);
  if (url !== undefined && !/^https?:\/\//i.test(url)) throw new UsageError(`the voice_url must start with http:// or https://, found ${JSON.stringify(url)}`);
  const connectTo = Object.assign({}, ...(values['connect-to'] ?? []).map(readConnectTo)) as Record<string, string>;
  const shared = (target: string): Omit<CallOptions, 'url'> => {
    const tokens = envTokens(target);
    const token = values.token ?? tokens.pivotToken;
    const adminToken = values['admin-token'] ?? tokens.adminToken;
    // A local server whose .env names its public address hands out URLs there: reach them here.
    const local = isLocal(target) && tokens.publicBaseUrl !== undefined && URL.canParse(tokens.publicBaseUrl) && !isLocal(tokens.publicBaseUrl);
    return {
      ...(token === undefined ? {} : { token }),
      ...(adminToken === undefined ? {} : { adminToken }),
      connectTo: local ? { [new URL(tokens.publicBaseUrl as string).origin]: new URL(target).origin, ...connectTo } : connectTo,
      allowLocal: isLocal(target),
      ...(values.schemas === undefined ? {} : { schemaDir: values.schemas === 'none' ? false : values.schemas }),
    };
  };
  const flags: CallFlags = values;
  if (values.scenarios !== undefined) {
    const result = await runScenarioFile(values.scenarios, { url, flags, shared });
    console.log(values.json === true ? JSON.stringify(result, null, 2) : result.report);
    return result.failed === 0 ? 0 : 1;
  }
  if (url === undefined) throw new UsageError('which voice_url? e.g. npm run call -- http://127.0.0.1:8787/front-desk');
  const options: CallOptions = { url, ...shared(url), ...callOptionsFrom(flags) };
  if (values.week === true) {
    const week = await runWeek(options);
    console.log(values.json === true ? JSON.stringify(week, null, 2) : week.report);
    return week.problems === 0 ? 0 : 1;
  }
  const trace = await simulateCall(options);
  console.log(values.json === true ? JSON.stringify(trace, null, 2) : transcript(trace, url));
  return trace.problems.length === 0 ? 0 : 1;
}

runCommand(main, USAGE);
