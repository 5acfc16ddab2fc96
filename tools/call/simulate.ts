import { runCallflow } from './play/callflow.js';
import { CallRun, type FlowRunner } from './play/run.js';
import { runTwiml } from './play/twiml.js';
import type { CallOptions, CallTrace } from './types.js';

const runFlow: FlowRunner = (call, answer, request) => (answer.kind === 'callflow' ? runCallflow(call, answer.action) : runTwiml(call, answer.root, request));

/**
 * Play one call against a `voice_url` as Kazoo would (pivot-protocol.md §1-§5, §9): the first
 * request and every follow-up exactly as Pivot sends them, each answer read and checked the way
 * Kazoo reads it, the caller's keys, the dial outcomes and the message played as given. Resolves
 * with the trace; it never throws for anything the server does.
 */
export async function simulateCall(options: CallOptions): Promise<CallTrace> {
  const call = new CallRun(options);
  const token = options.token;
  let url = options.url;
  if (token !== undefined && URL.canParse(url)) {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') {
      parsed.username = 'pivot';
      parsed.password = encodeURIComponent(token);
      url = parsed.toString();
    }
  }
  const method = options.method === 'post' ? 'POST' : 'GET';
  await call.run({ url, method, format: options.dialect ?? 'kazoo', bodyFormat: options.bodyFormat ?? 'form', via: 'voice_url' }, runFlow);
  return {
    steps: call.steps,
    outcome: call.outcome ?? 'completed',
    problems: call.problems,
    warnings: call.warnings,
    requests: call.requests,
    urls: call.urls,
    ...(call.checkedBy === undefined ? {} : { checkedBy: call.checkedBy }),
  };
}
