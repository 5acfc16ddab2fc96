// The built Lambda bundles (dist/lambda/<endpoint>/index.mjs, built here into a temp dir by the
// same esbuild build), imported as files and invoked with Function URL events: a GET with a query,
// a base64 form POST, a JSON POST, a binary PUT of audio into S3 (s3rver), the sibling URL lookup
// and the notice sent before the handler returns.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLambdas, ENDPOINTS, hasLambdaEntry, type EndpointName } from '../../scripts/build-lambda.js';
import type { LambdaHandler } from '../../shared/platform/lambda.js';
import { functionUrlEvent, lambdaContext, resultBytes } from './function-url-event.js';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const FRONT_DESK_FUNCTION_URL = 'https://frontdesk0123456789.lambda-url.us-east-1.on.aws/';
const OPEN = { 'x-simulate-at': '2026-11-23T15:00:00Z', 'x-admin-token': 'admin-secret', authorization: `Basic ${Buffer.from('pivot:pivot-secret').toString('base64')}` };
const KAZOO_GET = 'Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=abc123%40192.168.1.2&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&To=5000';

let outRoot: string;
let s3: S3rver;
let stub: Server;
const lookups: IncomingMessage[] = [];
const notices: string[] = [];
const handlers = {} as Record<EndpointName, LambdaHandler>;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  outRoot = await mkdtemp(join(tmpdir(), 'pivot-edge-lambda-'));
  await buildLambdas(ENDPOINTS.filter(hasLambdaEntry), outRoot);
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(outRoot, 's3') });
  const { port } = await s3.run();
  const s3Endpoint = `http://127.0.0.1:${port}`;
  await new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', service: 's3' }).fetch(`${s3Endpoint}/voicemail`, { method: 'PUT' });
  // Stands in for both the Lambda API (GetFunctionUrlConfig) and the notify webhook.
  stub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url?.startsWith('/2021-10-31/functions/')) {
        lookups.push(request);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ FunctionUrl: FRONT_DESK_FUNCTION_URL, AuthType: 'NONE' }));
      } else {
        notices.push(body);
        response.writeHead(204).end();
      }
    });
  });
  const stubOrigin = await listen(stub);
  Object.assign(process.env, {
    TIMEZONE: 'America/New_York',
    BUSINESS_HOURS: 'Mo-Fr 09:00-17:00',
    FRONT_DESK_DEVICE_ID: DEVICE,
    MENU: `1=device:${DEVICE}; 9=voicemail`,
    RESPONSE_FORMAT: 'auto',
    PIVOT_TOKEN: 'pivot-secret',
    ADMIN_TOKEN: 'admin-secret',
    COLLECTED_URL: 'https://collected0123456789.lambda-url.us-east-1.on.aws/',
    GATHERED_URL: 'https://gathered0123456789.lambda-url.us-east-1.on.aws/',
    RECORDINGS_URL: 'https://recordings0123456789.lambda-url.us-east-1.on.aws/',
    FRONT_DESK_FUNCTION_NAME: 'pivot-edge-front-desk',
    AWS_ENDPOINT_URL_LAMBDA: stubOrigin,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    RECORDINGS_BUCKET: 'voicemail',
    S3_ENDPOINT: s3Endpoint,
    NOTIFY_WEBHOOK_URL: `${stubOrigin}/notice`,
  });
  for (const endpoint of ENDPOINTS.filter(hasLambdaEntry)) {
    handlers[endpoint] = ((await import(pathToFileURL(join(outRoot, endpoint, 'index.mjs')).href)) as { handler: LambdaHandler }).handler;
  }
}, 60_000);

afterAll(async () => {
  await s3?.close();
  stub?.close();
  await rm(outRoot, { recursive: true, force: true });
});

const invoke = (endpoint: EndpointName, input: Parameters<typeof functionUrlEvent>[0]) => handlers[endpoint](functionUrlEvent(input), lambdaContext());

describe.skipIf(!hasLambdaEntry('front-desk'))('front-desk Lambda bundle', () => {
  it('answers a GET with a query string: Callflow JSON, siblings at their Function URLs', async () => {
    const result = await invoke('front-desk', { method: 'GET', query: KAZOO_GET, headers: { ...OPEN } });
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json' });
    const flow = JSON.parse(resultBytes(result).toString()) as { module: string };
    expect(flow.module).toBe('tts');
    expect(JSON.stringify(flow)).toContain('https://pivot:pivot-secret@collected0123456789.lambda-url.us-east-1.on.aws');
  });

  it('answers a POST with a JSON body (req_body_format json)', async () => {
    const body = JSON.stringify({ 'Call-ID': 'json-1', 'Caller-ID-Number': '+14155550100', Direction: 'inbound', 'Custom-SIP-Headers': {} });
    const result = await invoke('front-desk', { method: 'POST', path: '/front-desk', body, headers: { ...OPEN, 'content-type': 'application/json' } });
    expect(result.statusCode).toBe(200);
    expect(resultBytes(result).toString()).toContain('"module":"collect_dtmf"');
  });
});

describe.skipIf(!hasLambdaEntry('collected'))('collected Lambda bundle', () => {
  it('answers a POST form body that arrives base64-encoded (isBase64Encoded: true)', async () => {
    const body = `${KAZOO_GET}&Digits[menu]=1`;
    const event = functionUrlEvent({ method: 'POST', query: 'attempt=0', body, headers: { ...OPEN, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(event.isBase64Encoded).toBe(true);
    const result = await handlers.collected(event, lambdaContext());
    expect(result.statusCode).toBe(200);
    expect(resultBytes(result).toString()).toContain(`"module":"device","data":{"id":"${DEVICE}"`);
  });
});

describe.skipIf(!hasLambdaEntry('gathered'))('gathered Lambda bundle', () => {
  it('rings in Callflow JSON with record_call into RECORDINGS_URL as the _ child, looking up no sibling it never hands out', async () => {
    const body = 'CallSid=abc123&From=%2B14155550100&To=5000&Digits=1';
    const result = await invoke('gathered', { method: 'POST', query: 'attempt=0', body, headers: { ...OPEN, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json' });
    const url = 'https://pivot:pivot-secret@recordings0123456789.lambda-url.us-east-1.on.aws/?reason=unanswered&caller_number=%2B14155550100&dialled=5000&recording=';
    expect(resultBytes(result).toString()).toContain(`{"module":"record_call","data":{"action":"start","url":"${url}"`);
    // FRONT_DESK_FUNCTION_NAME is set, but no function's answer carries the front desk's URL.
    expect(lookups).toEqual([]);
  });
});

describe.skipIf(!hasLambdaEntry('recordings'))('recordings Lambda bundle', () => {
  it('stores a binary PUT of audio in S3, notifies before returning, and plays it back', async () => {
    const audio = Buffer.from(Array.from({ length: 20_000 }, (_, index) => (index * 7) % 256));
    const put = await invoke('recordings', { method: 'PUT', path: '/call_recording_lambda-1.mp3', query: 'from=%2B14155550100&call_id=lambda-1', body: audio, headers: { authorization: OPEN.authorization, 'content-type': 'audio/mpeg' } });
    expect(put.statusCode).toBe(201);
    const { id } = JSON.parse(resultBytes(put).toString()) as { id: string };
    // The notice went out through waitUntil, and the handler waited for it before returning.
    expect(notices.some((notice) => notice.includes(id))).toBe(true);
    const got = await invoke('recordings', { method: 'GET', path: `/recordings/${id}`, headers: { authorization: 'Bearer admin-secret' } });
    expect(got.statusCode).toBe(200);
    expect(got.isBase64Encoded).toBe(true);
    expect(resultBytes(got).equals(audio)).toBe(true);
  });
});
