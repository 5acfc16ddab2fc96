import { readFileSync } from 'node:fs';
import { exchange, KAZOO_TIMEOUT_MS, pivotHttp, shownUrl, type HttpOptions } from '../call/wire/http.js';
import { pivotParams } from '../call/wire/params.js';
import { simulateCall } from '../call/simulate.js';
import type { CallOptions, CallTrace } from '../call/types.js';
import { doctorReport, fail, pass, skip, urlProblem, warn, type CheckResult } from './checks.js';
import { findStates, stateOf } from './states.js';
import { roundTrip } from './round-trip.js';
import { settingsChecks } from './settings.js';

export interface DoctorOptions {
  /** The front-desk URL, as Kazoo's voice_url has it (without the token: pass `token`). */
  readonly url: string;
  readonly token?: string;
  readonly adminToken?: string;
  readonly connectTo?: Readonly<Record<string, string>>;
  readonly schemaDir?: string | false;
  /** The deployment's settings when they are visible from here (its .env); undefined: not visible. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The audio uploaded for the round trip (default: a 2 s spoken mp3 kept beside the doctor). */
  readonly audio?: { readonly bytes: Uint8Array<ArrayBuffer>; readonly name: string };
  readonly fetch?: typeof fetch;
}

export interface DoctorResult {
  readonly checks: readonly CheckResult[];
  readonly failed: number;
  readonly report: string;
}

const FIXTURE = new URL('./test-message.mp3', import.meta.url);
const SLOW_MS = 2000;

/**
 * `npm run doctor`: everything that otherwise shows up only as a failed call. One check per line,
 * each with a fix hint when it fails (README "Try it without a phone").
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorResult> {
  const checks: CheckResult[] = [];
  const traces: CallTrace[] = [];
  const problem = urlProblem(options.url);
  checks.push(problem === undefined ? pass('voice_url', `${options.url}: absolute, https, a host Kazoo accepts`) : fail('voice_url', problem.problem, problem.fix));

  const http: HttpOptions = { timeoutMs: KAZOO_TIMEOUT_MS, connectTo: options.connectTo ?? {}, headers: {}, fetch: options.fetch ?? fetch };
  const token = await tokenCheck(options, http);
  checks.push(token);
  if (token.detail.startsWith('unreachable')) return finish(checks);

  const base: CallOptions = {
    url: options.url,
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.connectTo === undefined ? {} : { connectTo: options.connectTo }),
    ...(options.schemaDir === undefined ? {} : { schemaDir: options.schemaDir }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  const call = async (extra: Partial<CallOptions>): Promise<CallTrace> => {
    const trace = await simulateCall({ ...base, ...extra });
    traces.push(trace);
    return trace;
  };

  const states = options.adminToken === undefined ? undefined : await findStates(call, options.adminToken);
  if (states === undefined) {
    const now = await call({});
    checks.push(answerCheck(`answers now (${stateOf(now)})`, [now, await call({ dialect: 'twiml', method: 'post' })]));
    checks.push(skip('open, closed, menu', 'need --admin-token to answer as at other times (X-Simulate-At)'));
  } else if ('refused' in states) {
    checks.push(fail('time override', `X-Simulate-At was refused: ${states.refused}`, 'pass the deployment\'s ADMIN_TOKEN as --admin-token'));
  } else {
    const at = (local: string | undefined) => (local === undefined ? {} : { at: local, adminToken: options.adminToken as string });
    for (const [state, local] of [['open', states.open], ['closed', states.closed]] as const) {
      if (local === undefined) {
        checks.push(skip(state, `no ${state} time in the next 7 days`));
        continue;
      }
      const runs = await Promise.all([call({ ...at(local) }), call({ ...at(local), dialect: 'twiml', method: 'post' }), call({ ...at(local), method: 'post', bodyFormat: 'json' })]);
      checks.push(answerCheck(`${state} (${local})`, runs));
    }
    if (states.menu !== undefined) {
      const runs = await Promise.all([
        call({ ...at(states.menu), digits: ['1'] }),
        call({ ...at(states.menu), digits: ['1'], dialect: 'twiml' }),
        call({ ...at(states.menu), digits: ['-', '-', '-', '-', '-', '-'] }),
        call({ ...at(states.menu), digits: ['*', '*', '*', '*', '*', '*'], dialect: 'twiml' }),
      ]);
      checks.push(answerCheck('menu: a key, no key, wrong keys', runs));
    }
    const voicemailAt = states.closed ?? states.open;
    if (voicemailAt !== undefined) {
      const runs = await Promise.all([call({ ...at(voicemailAt), answers: ['no'] }), call({ ...at(voicemailAt), answers: ['no'], dialect: 'twiml' })]);
      checks.push(answerCheck('voicemail', runs));
    }
  }

  checks.push(urlsCheck(traces));
  checks.push(latencyCheck(traces));
  const audio = options.audio ?? { bytes: new Uint8Array(readFileSync(FIXTURE)), name: 'test-message.mp3' };
  const closedAt = states !== undefined && !('refused' in states) ? (states.closed ?? states.open) : undefined;
  const recordings = await roundTrip({ call, audio, http, ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }), ...(closedAt === undefined ? {} : { at: closedAt }) });
  checks.push(recordings.check);
  checks.push(...settingsChecks(options.env, recordings.listed));
  return finish(checks);
}

function finish(checks: CheckResult[]): DoctorResult {
  return { checks, failed: checks.filter((check) => check.status === 'fail').length, report: doctorReport(checks) };
}

/** PIVOT_TOKEN: refused without it, refused when wrong, accepted in the voice_url form (userinfo). */
async function tokenCheck(options: DoctorOptions, http: HttpOptions): Promise<CheckResult> {
  const vars = { callId: `doctor-${crypto.randomUUID()}`, accountId: 'doctor', callerNumber: '+14155550100', callerName: 'pivot-edge doctor', dialled: '+15551230000', realm: 'sip.example.com', variables: {} };
  const ask = async (credentials: string | undefined) => {
    const target = new URL(options.url);
    target.username = '';
    target.password = '';
    if (credentials !== undefined) {
      target.username = 'pivot';
      target.password = encodeURIComponent(credentials);
    }
    const { url, init } = pivotHttp(target.toString(), 'GET', 'form', pivotParams('kazoo', vars));
    return exchange(url, init, http);
  };
  const bare = await ask(undefined);
  if (bare.status === undefined) return fail('token', `unreachable: ${shownUrl(options.url)}: ${bare.error ?? 'no answer'}`, 'check the URL (and --connect-to), and that the deployment is up');
  if (options.token === undefined) {
    if (bare.status === 401) return fail('token', 'the deployment requires a token (401 without one)', 'pass PIVOT_TOKEN as --token');
    return fail('token', `answered ${bare.status} without a token: PIVOT_TOKEN is not set, so anyone who finds the URL gets your flows and can fill your voicemail`, 'set PIVOT_TOKEN on the deployment and put it in voice_url as https://pivot:TOKEN@host/...');
  }
  if (bare.status !== 401) return fail('token', `answered ${bare.status} without the token: PIVOT_TOKEN is not set on the deployment`, 'set PIVOT_TOKEN there (wrangler secret put, the SAM parameter, .env)');
  const wrong = await ask(`${options.token}-wrong`);
  if (wrong.status !== 401) return fail('token', `answered ${wrong.status ?? wrong.error} to a wrong token`, 'check PIVOT_TOKEN on the deployment');
  const right = await ask(options.token);
  if (right.status !== 200) return fail('token', `refused the token in the form voice_url uses (https://pivot:TOKEN@...): ${right.status ?? right.error}`, 'check that --token is the deployment\'s PIVOT_TOKEN');
  return pass('token', 'required: 401 without it and with a wrong one, accepted as voice_url userinfo');
}

function answerCheck(name: string, traces: readonly CallTrace[]): CheckResult {
  const problems = [...new Set(traces.flatMap((trace) => trace.problems))];
  if (problems.length > 0) return fail(name, problems.slice(0, 3).join('; '), 'run the same call with npm run call to see where (--at, --digits, --dialect)');
  const requests = traces.reduce((sum, trace) => sum + trace.requests, 0);
  return pass(name, `${traces.length} calls, ${requests} requests, every answer one Kazoo runs`);
}

function urlsCheck(traces: readonly CallTrace[]): CheckResult {
  const urls = [...new Set(traces.flatMap((trace) => trace.urls))];
  if (urls.length === 0) return skip('sibling URLs', 'the answers handed out no URL');
  const problems = urls.flatMap((url) => {
    const found = urlProblem(url);
    return found === undefined ? [] : [found];
  });
  if (problems.length > 0) return fail('sibling URLs', [...new Set(problems.map((found) => found.problem))].slice(0, 3).join('; '), problems[0]?.fix ?? '');
  return pass('sibling URLs', `${urls.length} URLs handed to Kazoo, all absolute https on hosts Kazoo accepts`);
}

function latencyCheck(traces: readonly CallTrace[]): CheckResult {
  const requests = traces.flatMap((trace) => trace.steps).filter((step) => step.kind === 'request');
  const timedOut = requests.filter((step) => step.error !== undefined && /within/.test(step.error));
  const slowest = Math.max(0, ...requests.map((step) => step.ms));
  if (timedOut.length > 0) return fail('latency', `${timedOut.length} requests got no answer within Kazoo's 5 s`, 'look at cold starts and at what the function waits for (a slow caller lookup, storage)');
  if (slowest > SLOW_MS) return warn('latency', `slowest answer ${slowest} ms of Kazoo's 5 s`, 'keep well under 5 s: cold starts count too');
  return pass('latency', `slowest of ${requests.length} answers ${slowest} ms (Kazoo waits 5 s)`);
}
