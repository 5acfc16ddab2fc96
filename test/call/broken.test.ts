// Someone else's voice_url answering what Kazoo would hang up on: the simulator must say so, where,
// and why, whether Kazoo's schemas are beside the repo or only the simulator's own knowledge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCall, transcript, type CallTrace } from '../../tools/call/index.js';
import { kazooSchemasPresent } from '../support/kazoo-schemas.js';
import { stubServer, type TestServer } from '../support/servers.js';

const XML = 'application/xml';
const JSON_TYPE = 'application/json';
const ANSWERS: Readonly<Record<string, { readonly type?: string; readonly body: string; readonly status?: number }>> = {
  '/alice': { type: XML, body: '<Response><Say voice="female">Welcome.</Say><Say voice="alice">Hello</Say><Hangup/></Response>' },
  '/say-module': { type: JSON_TYPE, body: JSON.stringify({ module: 'say', data: { text: 'Hello' }, children: {} }) },
  '/relative-json': { type: JSON_TYPE, body: JSON.stringify({ module: 'tts', data: { text: 'One moment.' }, children: { _: { module: 'pivot', data: { voice_url: '/next' }, children: {} } } }) },
  '/relative-twiml': { type: XML, body: '<Response><Gather action="/gathered" numDigits="1"><Say>Press 1.</Say></Gather></Response>' },
  '/empty': { type: XML, body: '' },
  '/refused': { status: 401, type: JSON_TYPE, body: '{"error":"unauthorized"}' },
  '/loop': { type: XML, body: '<Response><Say>Again.</Say><Redirect method="GET">https://again.example.net/loop</Redirect></Response>' },
  '/no-type': { body: '{"module":"hangup","data":{},"children":{}}' },
  '/lone-surrogate': { type: JSON_TYPE, body: '{"module":"tts","data":{"text":"Caf\\ud800"},"children":{}}' },
};

let stub: TestServer;
beforeAll(async () => {
  stub = await stubServer((request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const answer = ANSWERS[path] ?? { status: 404, body: 'not here' };
    response.writeHead(answer.status ?? 200, answer.type === undefined ? {} : { 'content-type': answer.type });
    response.end(answer.body);
  });
});
afterAll(() => stub.close());

const call = (path: string, schemaDir?: false): Promise<CallTrace> =>
  simulateCall({ url: `${stub.origin}${path}`, allowLocal: true, connectTo: { 'https://again.example.net': stub.origin }, digits: ['1'], ...(schemaDir === false ? { schemaDir } : {}) });

/** Built-in module knowledge always; Kazoo's schemas too when they are beside the repo. */
const CHECKERS: readonly { readonly schemas: 'built-in' | 'schemas' }[] = [{ schemas: 'built-in' }, ...(kazooSchemasPresent ? [{ schemas: 'schemas' as const }] : [])];

const hungUp = (trace: CallTrace) => trace.steps.filter((step) => step.kind === 'hung-up').map((step) => (step.kind === 'hung-up' ? step.reason : ''));

describe('answers Kazoo would hang up on are flagged where they happen', () => {
  it('voice="alice": the first <Say> is heard, then the caller is hung up at the second', async () => {
    const trace = await call('/alice');
    expect(trace.outcome).toBe('hung-up');
    expect(trace.steps.filter((step) => step.kind === 'say')).toEqual([{ kind: 'say', text: 'Welcome.', voice: 'female' }]);
    expect(hungUp(trace)).toEqual(['Kazoo stops at <Say>: Say: voice="alice", expected man, male, woman, female']);
    expect(transcript(trace, stub.origin)).toContain('✗ the caller would be hung up here: Kazoo stops at <Say>: Say: voice="alice"');
  });

  it.each(CHECKERS)('a `say` module (checked by $schemas): Kazoo rejects the whole flow, nothing is heard', async ({ schemas }) => {
    const trace = await call('/say-module', schemas === 'built-in' ? false : undefined);
    expect(trace.checkedBy).toBe(schemas);
    expect(trace.outcome).toBe('hung-up');
    expect(trace.steps.filter((step) => step.kind === 'say')).toEqual([]);
    expect(hungUp(trace)).toEqual(['Kazoo rejects the Callflow JSON: $: unable to find callflow schema for module say']);
  });

  it.each(CHECKERS)('a relative voice_url in Callflow JSON (checked by $schemas): the schema refuses it', async ({ schemas }) => {
    const trace = await call('/relative-json', schemas === 'built-in' ? false : undefined);
    expect(trace.outcome).toBe('hung-up');
    expect(hungUp(trace)[0]).toMatch(/^Kazoo rejects the Callflow JSON: \$\.children\._\.data\.voice_url: must match pattern "\^https\?:\/\/"/);
  });

  it('a relative TwiML action: resolved the Kazoo way (not from the root), the request fails, the caller is hung up', async () => {
    const trace = await call('/relative-twiml');
    expect(trace.warnings).toContain(`<Gather> hands Kazoo the relative URL "/gathered", which Kazoo resolves to ${stub.origin}/relative-twiml/gathered`);
    expect(trace.steps.filter((step) => step.kind === 'request').map((step) => (step.kind === 'request' ? [step.url, step.status] : []))).toEqual([
      [`${stub.origin}/relative-twiml`, 200],
      [`${stub.origin}/relative-twiml/gathered`, 404],
    ]);
    expect(hungUp(trace)).toEqual(['the Gather request failed (status 404 (Kazoo only runs 200 or 206)) and nothing follows it']);
  });

  it('an empty body: hung up', async () => {
    const trace = await call('/empty');
    expect(trace.outcome).toBe('hung-up');
    expect(hungUp(trace)).toEqual(['200 with an empty body']);
  });

  it("a 401 on the voice_url: pivot failed, the owner's `_` child runs instead of us", async () => {
    const trace = await call('/refused');
    expect(trace.outcome).toBe('pivot-failed');
    expect(trace.problems).toEqual(['Kazoo gives up on the voice_url: status 401 (Kazoo only runs 200 or 206)']);
  });

  it('a Redirect to itself: cut after a bounded number of requests', async () => {
    const trace = await simulateCall({ url: `${stub.origin}/loop`, allowLocal: true, connectTo: { 'https://again.example.net': stub.origin }, maxRequests: 5 });
    expect(trace.outcome).toBe('loop-cut');
    expect(trace.requests).toBe(5);
  });

  it('JSON without a content type is read as TwiML only (Kazoo takes a missing type as text/xml): pivot failed', async () => {
    const trace = await call('/no-type');
    expect(trace.outcome).toBe('pivot-failed');
    expect(trace.problems[0]).toContain('text/xml that is not TwiML');
  });

  it('a lone UTF-16 surrogate in JSON: Kazoo cannot decode it, hung up', async () => {
    const trace = await call('/lone-surrogate');
    expect(hungUp(trace)).toEqual(['invalid JSON: a lone UTF-16 surrogate, which Kazoo cannot decode']);
  });
});
