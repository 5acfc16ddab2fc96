// Sibling Function URLs on Lambda (shared/platform/lambda.ts, lambda-siblings.ts): looked up with a
// signed GetFunctionUrlConfig for the siblings a function hands out, and for no other, against a
// stub of the Lambda API on 127.0.0.1.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigWithoutHours } from '../../shared/config/without-hours.js';
import { createEndpointApp } from '../../shared/http/app.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { functionUrlEvent, lambdaContext } from './function-url-event.js';

let stub: Server | undefined;
afterEach(() => stub?.close());

/** A Lambda API answering GetFunctionUrlConfig with `https://<name>.lambda-url…/`, after `failures` 500s. */
async function lambdaApi(failures = 0): Promise<{ origin: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  stub = createServer((request, response) => {
    requests.push(request);
    const name = decodeURIComponent(/^\/2021-10-31\/functions\/([^/]+)\/url$/.exec(request.url ?? '')?.[1] ?? '');
    if (requests.length <= failures || name === '') return void response.writeHead(500).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ FunctionUrl: `https://${name}.lambda-url.us-east-1.on.aws/`, AuthType: 'NONE' }));
  });
  await new Promise<void>((resolve) => stub!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, requests };
}

function handlerSeeingUrls(env: Record<string, string>, siblings: Parameters<typeof lambdaHandler>[1]['siblings']) {
  return lambdaHandler(
    (platform) => {
      const app = createEndpointApp(platform, loadConfigWithoutHours, 'gathered');
      return app.get('/', (c) => c.json(c.var.config.endpointUrls));
    },
    { siblings, env },
  );
}

const call = async (handler: ReturnType<typeof handlerSeeingUrls>) => JSON.parse((await handler(functionUrlEvent({ method: 'GET' }), lambdaContext())).body) as Record<string, string>;

const aws = (origin: string) => ({ AWS_ENDPOINT_URL_LAMBDA: origin, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });

describe('sibling Function URLs on Lambda', () => {
  it('looks up the siblings the function hands out, signed, once per container; the others never', async () => {
    const api = await lambdaApi();
    const handler = handlerSeeingUrls({ ...aws(api.origin), RECORDINGS_FUNCTION_NAME: 'stack-recordings', FRONT_DESK_FUNCTION_NAME: 'stack-front-desk' }, ['recordings']);
    expect(await call(handler)).toEqual({ recordings: 'https://stack-recordings.lambda-url.us-east-1.on.aws' });
    expect(await call(handler)).toEqual({ recordings: 'https://stack-recordings.lambda-url.us-east-1.on.aws' });
    expect(api.requests.map((request) => request.url)).toEqual(['/2021-10-31/functions/stack-recordings/url']);
    expect(api.requests[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/lambda\/aws4_request/);
  });

  it('asks nothing when the function hands out no sibling URL, or when SAM wired the URL itself', async () => {
    const api = await lambdaApi();
    expect(await call(handlerSeeingUrls({ ...aws(api.origin), FRONT_DESK_FUNCTION_NAME: 'stack-front-desk', GATHERED_FUNCTION_NAME: 'stack-gathered' }, []))).toEqual({});
    const wired = { ...aws(api.origin), RECORDINGS_URL: 'https://wired.lambda-url.us-east-1.on.aws/', RECORDINGS_FUNCTION_NAME: 'stack-recordings' };
    expect(await call(handlerSeeingUrls(wired, ['recordings']))).toEqual({ recordings: 'https://wired.lambda-url.us-east-1.on.aws' });
    expect(api.requests).toEqual([]);
  });

  it('a failed lookup leaves the URL unset and is tried again by the next call', async () => {
    // aws4fetch retries twice itself: three 500s make the first call's lookup fail.
    const api = await lambdaApi(3);
    const handler = handlerSeeingUrls({ ...aws(api.origin), COLLECTED_FUNCTION_NAME: 'stack-collected' }, ['collected']);
    expect(await call(handler)).toEqual({});
    expect(await call(handler)).toEqual({ collected: 'https://stack-collected.lambda-url.us-east-1.on.aws' });
    expect(api.requests).toHaveLength(4);
  });
});
