// A method a recordings path does not take is 405 with the methods it does (was a bare 404 "Not Found").
import { afterEach, describe, expect, it } from 'vitest';
import { BASIC, BEARER, recordingsHarness } from './recordings-helpers.js';

let harness: Awaited<ReturnType<typeof recordingsHarness>> | undefined;
afterEach(() => harness?.cleanup());

describe('methods a path does not take', () => {
  it.each([
    ['DELETE', '/recordings', BASIC, 'GET, HEAD, POST, PUT'],
    ['PATCH', '/recordings?CallSid=c1', BASIC, 'GET, HEAD, POST, PUT'],
    ['OPTIONS', '/recordings/call_recording_abc.mp3', BASIC, 'GET, HEAD, PUT, POST, PATCH, DELETE'],
    ['PROPFIND', '/recordings/8203942969327-befa18d167a5', BEARER, 'GET, HEAD, PUT, POST, PATCH, DELETE'],
    ['POST', '/recordings/override', BEARER, 'GET, HEAD, PUT, DELETE'],
  ])('%s %s: 405 with the methods it takes', async (method, path, authorization, allow) => {
    harness = await recordingsHarness();
    const response = await harness.request(path, { method, headers: { authorization } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await response.json()).toEqual({ error: 'method_not_allowed', message: `This path takes ${allow}.` });
  });

  it('the switch still asks for the admin token first', async () => {
    harness = await recordingsHarness();
    expect((await harness.request('/recordings/override', { method: 'POST', headers: { authorization: BASIC } })).status).toBe(401);
  });
});
