// The recordings Lambda entry (Function URL events) on S3 (s3rver): upload, list, range, delete,
// and the notice delivered before the handler returns (Lambda freezes right after).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { functionUrlEvent, lambdaContext, resultBytes } from '../lambda/function-url-event.js';
import { startS3rver } from '../storage/s3rver-fixture.js';
import { makeMp3 } from './audio-fixtures.js';
import { ADMIN_TOKEN, BASIC, BEARER, PIVOT_TOKEN, webhookReceiver } from './recordings-helpers.js';

let s3: Awaited<ReturnType<typeof startS3rver>>;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
let handler: typeof import('../../functions/recordings/lambda.js').handler;

beforeAll(async () => {
  s3 = await startS3rver();
  hook = await webhookReceiver();
  const env = {
    TIMEZONE: 'UTC', PIVOT_TOKEN, ADMIN_TOKEN, RECORDINGS_BUCKET: await s3.createBucket(), S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1', NOTIFY_WEBHOOK_URL: hook.url,
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  ({ handler } = await import('../../functions/recordings/lambda.js'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await hook.close();
  await s3.stop();
});

describe('recordings Lambda (S3)', () => {
  it('stores an upload, notifies before returning, lists, serves a range and deletes', async () => {
    const mp3 = makeMp3(5);
    const upload = await handler(
      functionUrlEvent({ method: 'PUT', path: '/call_recording_l1.mp3', query: 'caller_id_number=%2B1555', headers: { 'content-type': 'audio/mpeg', authorization: BASIC }, body: mp3 }),
      lambdaContext(),
    );
    expect(upload.statusCode).toBe(201);
    expect(hook.received.map((r) => (r.body as { callId: string }).callId)).toEqual(['l1']);

    const listed = await handler(functionUrlEvent({ method: 'GET', path: '/recordings', headers: { authorization: BEARER } }), lambdaContext());
    const items = (JSON.parse(listed.body) as { items: { id: string; bytes: number; url: string }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]?.bytes).toBe(mp3.byteLength);
    const id = items[0]?.id ?? '';

    const ranged = await handler(functionUrlEvent({ method: 'GET', path: `/${id}`, headers: { authorization: BEARER, range: 'bytes=0-416' } }), lambdaContext());
    expect(ranged.statusCode).toBe(206);
    expect(resultBytes(ranged).equals(Buffer.from(mp3.slice(0, 417)))).toBe(true);

    expect((await handler(functionUrlEvent({ method: 'DELETE', path: `/${id}`, headers: { authorization: BEARER } }), lambdaContext())).statusCode).toBe(204);
    expect((await handler(functionUrlEvent({ method: 'DELETE', path: `/${id}`, headers: { authorization: BEARER } }), lambdaContext())).statusCode).toBe(404);
  });
});
