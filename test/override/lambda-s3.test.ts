// The override on Lambda over S3 (s3rver): the recordings function's admin API writes
// settings/override.json into the bucket, and the front-desk and collected functions (their real
// Lambda entries, Function URL events) read it from there. A missing override is a 404, never a failure.
import { AwsClient } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { functionUrlEvent, lambdaContext } from '../lambda/function-url-event.js';
import { startS3rver } from '../storage/s3rver-fixture.js';
import { DEVICE_ID, KAZOO_FIRST_GET } from '../support/pivot.js';

const ADMIN = 'admin-s3-override';
let s3: Awaited<ReturnType<typeof startS3rver>>;
let bucket: string;
let recordings: typeof import('../../functions/recordings/lambda.js').handler;
let frontDesk: typeof import('../../functions/front-desk/lambda.js').handler;
let collected: typeof import('../../functions/collected/lambda.js').handler;
let logged: string[];

beforeAll(async () => {
  s3 = await startS3rver();
  bucket = await s3.createBucket();
  const env = {
    TIMEZONE: 'America/New_York', BUSINESS_HOURS: '24/7', FRONT_DESK_DEVICE_ID: DEVICE_ID, MENU: `1=device:${DEVICE_ID}`,
    ADMIN_TOKEN: ADMIN, PUBLIC_BASE_URL: 'https://desk.example.com',
    RECORDINGS_BUCKET: bucket, S3_ENDPOINT: s3.endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1',
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  ({ handler: recordings } = await import('../../functions/recordings/lambda.js'));
  ({ handler: frontDesk } = await import('../../functions/front-desk/lambda.js'));
  ({ handler: collected } = await import('../../functions/collected/lambda.js'));
  logged = [];
  for (const level of ['warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((line: string) => void logged.push(line));
});
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await s3.stop();
});

const hour = 3_600_000;
const simulated = (at: number) => ({ 'x-simulate-at': new Date(at).toISOString(), 'x-admin-token': ADMIN });
/** The modules of the answer's `_` chain, e.g. tts → record_call → tts → sleep → record_call → tts → hangup. */
const modules = async (handler: typeof frontDesk, path: string, at: number, query = KAZOO_FIRST_GET): Promise<string[]> => {
  const result = await handler(functionUrlEvent({ method: 'GET', path, query, headers: simulated(at) }), lambdaContext());
  expect(result.statusCode).toBe(200);
  const modulesOf = (action: { module: string; children: { _?: unknown } }): string[] => [action.module, ...(action.children._ === undefined ? [] : modulesOf(action.children._ as typeof action))];
  return modulesOf(JSON.parse(result.body) as { module: string; children: { _?: unknown } });
};

describe('the override on Lambda (S3)', () => {
  it('no override stored: collected reads a 404 and routes the choice, with nothing logged', async () => {
    expect(await modules(collected, '/collected', Date.now(), `attempt=0&Digits[menu]=1&${KAZOO_FIRST_GET}`)).toEqual(['tts', 'device', 'tts', 'record_call', 'tts', 'sleep', 'record_call', 'tts', 'hangup']);
    expect(logged).toEqual([]);
  });

  it('the recordings function stores it in the bucket; front-desk reads it there, and it ends on its own', async () => {
    const until = new Date(Math.ceil((Date.now() + 2 * hour) / 60_000) * 60_000);
    const put = await recordings(
      functionUrlEvent({ method: 'PUT', path: '/recordings/override', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ state: 'closed', until: until.toISOString() }) }),
      lambdaContext(),
    );
    expect(put.statusCode).toBe(200);
    const { override } = JSON.parse(put.body) as { override: { until: string; setAt: string; endsAt: string } };
    expect(override).toMatchObject({ state: 'closed', until: until.toISOString(), endsAt: until.toISOString() });

    const admin = new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', service: 's3' });
    const object = await admin.fetch(`${s3.endpoint}/${bucket}/settings/override.json`);
    expect(await object.text()).toBe(JSON.stringify({ state: 'closed', until: until.toISOString(), setAt: override.setAt }));

    expect(await modules(frontDesk, '/', until.getTime() - hour)).toEqual(['tts', 'record_call', 'tts', 'sleep', 'record_call', 'tts', 'hangup']);
    // Then the menu again (its pivot's `_` child is the fallback: ring, then voicemail).
    expect(await modules(frontDesk, '/', until.getTime())).toEqual(['tts', 'collect_dtmf', 'pivot', 'device', 'tts', 'record_call', 'tts', 'sleep', 'record_call', 'tts', 'hangup']);
    expect(logged).toEqual([]);
  });
});
