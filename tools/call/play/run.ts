import { checkCallflow } from '../../kazoo/callflow.js';
import { SCHEMA_DIR } from '../../kazoo/schemas.js';
import type { XmlElement } from '../../kazoo/xml.js';
import { readAnswer } from '../wire/answer.js';
import { resolveLikeKazoo } from '../../kazoo/wire.js';
import { exchange, KAZOO_TIMEOUT_MS, pivotHttp, shownUrl, type HttpOptions } from '../wire/http.js';
import { pivotParams, type CallVars } from '../wire/params.js';
import { finishRecording } from './uploads.js';
import type { CallOptions, DialAnswer, Outcome, RequestVia, Step } from '../types.js';

/** The next Pivot request: where, how, and what runs if it fails (a `pivot` node's `_` child). */
export interface NextRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly format: 'kazoo' | 'twiml';
  readonly bodyFormat: 'form' | 'json';
  readonly via: RequestVia;
  readonly onFailure?: unknown;
}

/** Runs a flow answered by a request; resolves with the next request, or undefined when the call is over. */
export type FlowRunner = (call: CallRun, answer: { readonly kind: 'callflow'; readonly action: unknown } | { readonly kind: 'twiml'; readonly root: XmlElement }, request: NextRequest) => Promise<NextRequest | undefined>;

const SLOW_MS = 2000;

/** One simulated call: Kazoo's per-call state, the caller's intentions, and the trace so far. */
export class CallRun {
  readonly steps: Step[] = [];
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  /** Every URL the answers handed to Kazoo (credentials hidden), followed or not. */
  readonly urls: string[] = [];
  readonly vars: CallVars;
  readonly http: HttpOptions;
  readonly schemaDir: string | false;
  readonly kazoo: '4.3' | '5';
  /** How Callflow JSON was checked; undefined while none came back. */
  checkedBy: 'schemas' | 'built-in' | undefined;
  outcome: Outcome | undefined;
  requests = 0;
  /** An active `record_call` (start with a `url`). */
  recording: { readonly url: string; readonly format: string; readonly method: string; spoken: boolean } | undefined;
  private digitIndex = 0;
  private answerIndex = 0;
  private warnedAt = false;

  constructor(readonly options: CallOptions) {
    const callId = options.callId ?? `sim-${crypto.randomUUID()}@pivot-edge.test`;
    this.vars = {
      callId,
      accountId: options.accountId ?? crypto.randomUUID().replace(/-/g, ''),
      callerNumber: options.callerNumber ?? '+14155550100',
      callerName: options.callerName ?? 'Pivot Edge Test',
      dialled: options.dialled ?? '+15551230000',
      realm: options.realm ?? 'sip.example.com',
      variables: {},
    };
    const headers: Record<string, string> = {};
    if (options.at !== undefined) headers['x-simulate-at'] = options.at;
    // Our server answers the admin token with X-Simulated-At, and with X-Fallback when it fell back.
    if (options.adminToken !== undefined) headers['x-admin-token'] = options.adminToken;
    this.http = { timeoutMs: options.timeoutMs ?? KAZOO_TIMEOUT_MS, connectTo: options.connectTo ?? {}, headers, fetch: options.fetch ?? fetch };
    this.schemaDir = options.schemaDir ?? SCHEMA_DIR;
    this.kazoo = options.kazoo ?? '4.3';
  }

  get done(): boolean {
    return this.outcome !== undefined;
  }

  step(step: Step): void {
    this.steps.push(step);
  }

  warn(text: string): void {
    if (this.warnings.includes(text)) return;
    this.warnings.push(text);
    this.steps.push({ kind: 'warning', text });
  }

  /** Kazoo would hang up on the caller here. */
  hangUp(reason: string): undefined {
    this.steps.push({ kind: 'hung-up', reason });
    this.problems.push(`the caller would be hung up here: ${reason}`);
    this.outcome = 'hung-up';
    return undefined;
  }

  /** The call ends normally (a hangup, the caller done, a conversation); an active recording is uploaded. */
  async end(how: string): Promise<undefined> {
    await finishRecording(this);
    if (this.done) return undefined;
    this.steps.push({ kind: 'end', how });
    this.outcome = 'completed';
    return undefined;
  }

  stop(outcome: Outcome, problem: string, step: Step): undefined {
    this.steps.push(step);
    this.problems.push(problem);
    this.outcome = outcome;
    return undefined;
  }

  /** The caller's next key presses (`''` or `-`: none, the collect times out). */
  nextDigits(): string {
    const keys = this.options.digits?.[this.digitIndex++] ?? '';
    return keys === '-' ? '' : keys;
  }

  nextAnswer(): DialAnswer {
    const answers = this.options.answers ?? [];
    const answer = answers[Math.min(this.answerIndex++, answers.length - 1)];
    return answer ?? 'no';
  }

  /** Send one Pivot request and run what comes back, until the call is over. */
  async run(first: NextRequest, runFlow: FlowRunner): Promise<void> {
    let next: NextRequest | undefined = first;
    const max = this.options.maxRequests ?? 20;
    while (next !== undefined && !this.done) {
      if (this.requests >= max) {
        this.stop('loop-cut', `the call was cut after ${max} requests (a loop?)`, { kind: 'hung-up', reason: `cut after ${max} requests: the answers keep sending the call back` });
        return;
      }
      next = await this.request(next, runFlow);
    }
  }

  private async request(next: NextRequest, runFlow: FlowRunner): Promise<NextRequest | undefined> {
    this.requests += 1;
    const { url, init } = pivotHttp(next.url, next.method, next.bodyFormat, pivotParams(next.format, this.vars));
    const result = await exchange(url, init, this.http);
    const reading = readAnswer(result.status, result.headers.get('content-type'), result.bytes);
    const answer = reading.kind === 'callflow' || reading.kind === 'twiml' ? reading.kind : 'answer' in reading ? reading.answer : undefined;
    const simulatedAt = result.headers.get('x-simulated-at') ?? undefined;
    const simulateRefused = result.headers.get('x-simulate-refused') ?? undefined;
    const requestId = result.headers.get('x-request-id') ?? undefined;
    const fallback = result.headers.get('x-fallback') ?? undefined;
    this.step({
      kind: 'request', via: next.via, method: next.method, url: shownUrl(next.url), dialect: next.format,
      body: next.method === 'GET' ? 'query' : next.bodyFormat, ms: result.ms,
      ...(result.status === undefined ? {} : { status: result.status }),
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(answer === undefined ? {} : { answer }),
      ...(requestId === undefined ? {} : { requestId }),
      ...(simulatedAt === undefined ? {} : { simulatedAt }),
      ...(simulateRefused === undefined ? {} : { simulateRefused }),
      ...(fallback === undefined ? {} : { fallback }),
    });
    if (fallback !== undefined) this.warn(`the server answered its fallback, because: ${fallback}`);
    this.noteSimulatedTime(simulatedAt, simulateRefused);
    if (result.error === undefined && result.ms > SLOW_MS) this.warn(`a request took ${result.ms} ms of Kazoo's ${this.http.timeoutMs} ms`);
    if (reading.kind === 'callflow' || reading.kind === 'twiml') this.collectUrls(reading.kind === 'callflow' ? reading.action : reading.root, next.url);
    switch (reading.kind) {
      case 'failed':
        return this.failed(next, result.error ?? reading.reason, runFlow);
      case 'stop':
        return this.hangUp(reading.reason);
      case 'callflow': {
        const check = checkCallflow(reading.action, this.schemaDir);
        this.checkedBy = check.by;
        const fatal = check.problems.filter((problem) => !(this.options.allowLocal === true && problem.includes('invalid client URL')));
        for (const problem of check.problems.filter((found) => !fatal.includes(found))) {
          this.warn(`Kazoo refuses this URL (${problem.replace(/^.*Kazoo refuses /, '').replace(/\)$/, '')}): fine for trying a local server, set PUBLIC_BASE_URL before pointing Kazoo here`);
        }
        if (fatal.length > 0) return this.hangUp(`Kazoo rejects the Callflow JSON: ${fatal.slice(0, 3).join('; ')}${fatal.length > 3 ? ` (and ${fatal.length - 3} more)` : ''}`);
        return runFlow(this, reading, next);
      }
      case 'twiml':
        return runFlow(this, reading, next);
    }
  }

  private collectUrls(answer: unknown, current: string): void {
    const add = (url: unknown, resolve: boolean) => {
      if (typeof url !== 'string' || url === '') return;
      const shown = shownUrl(resolve ? resolveLikeKazoo(current, url) : url);
      if (!this.urls.includes(shown)) this.urls.push(shown);
    };
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const element = node as { name?: unknown; attributes?: Record<string, string>; children?: unknown; data?: Record<string, unknown> };
      if (typeof element.name === 'string' && element.attributes !== undefined) {
        add(element.attributes.action, true);
        if (element.name === 'Redirect' && Array.isArray(element.children)) add(element.children.filter((child) => typeof child === 'string').join('').trim(), true);
        if (Array.isArray(element.children)) element.children.forEach(visit);
        return;
      }
      for (const key of ['voice_url', 'url', 'cdr_url']) add(element.data?.[key], false);
      if (typeof element.children === 'object' && element.children !== null) Object.values(element.children).forEach(visit);
    };
    visit(answer);
  }

  /** pivot.failed: the pivot node's `_` child runs; the first request's is the owner's callflow, not ours. */
  private async failed(next: NextRequest, reason: string, runFlow: FlowRunner): Promise<NextRequest | undefined> {
    if (next.via === 'voice_url') {
      return this.stop('pivot-failed', `Kazoo gives up on the voice_url: ${reason}`, { kind: 'pivot-failed', reason, then: "Kazoo runs your callflow's `_` child (or hangs up when it has none)" });
    }
    if (next.via === 'pivot' && next.onFailure !== undefined) {
      this.step({ kind: 'pivot-failed', reason, then: "Kazoo runs the pivot node's `_` child" });
      this.warn(`a follow-up request failed (${reason}); the flow's own fallback ran`);
      return runFlow(this, { kind: 'callflow', action: next.onFailure }, next);
    }
    return this.hangUp(`the ${next.via} request failed (${reason}) and nothing follows it`);
  }

  /** A refused `--at` is said once; a server that does not confirm it is only noticed on the first request (the one that decides). */
  private noteSimulatedTime(simulatedAt: string | undefined, refused: string | undefined): void {
    if (this.options.at === undefined || this.warnedAt) return;
    if (refused !== undefined) this.warn(`the server did not use --at (${refused}): this is what a caller hears now`);
    else if (simulatedAt === undefined && this.requests === 1) this.warn('the server did not confirm --at (no X-Simulated-At): it may have answered for now');
    else return;
    this.warnedAt = true;
  }
}
