// The lookup cache each platform keeps between calls: the local server (one process) and a Lambda
// container (warm invocations), each asking a real receiver on 127.0.0.1 once for two calls.
import { afterEach, describe, expect, it } from 'vitest';
import { createFrontDeskApp } from '../../functions/front-desk/app.js';
import { startLocalServer } from '../../functions/local/server.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { functionUrlEvent, lambdaContext } from '../lambda/function-url-event.js';
import { KAZOO_FIRST_GET } from '../support/pivot.js';
import { json, startReceiver, type Receiver } from './receiver.js';

let receiver: Receiver;
afterEach(() => receiver.close());

async function envWithLookup(): Promise<Record<string, string>> {
  receiver = await startReceiver((_request, response) => json(response, 200, { name: 'Sally' }));
  return {
    TIMEZONE: 'UTC',
    BUSINESS_HOURS: '24/7',
    FRONT_DESK_DEVICE_ID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    PUBLIC_BASE_URL: 'https://desk.example.com',
    GREETING_OPEN: 'Hello {name}.',
    CALLER_LOOKUP_URL: `${receiver.origin}/who`,
  };
}

describe('the lookup cache lives as long as the process', () => {
  it('local server: the second call is answered from memory', async () => {
    const server = await startLocalServer(await envWithLookup(), { port: 0, hostname: '127.0.0.1', quiet: true });
    try {
      for (let call = 0; call < 2; call += 1) {
        const flow = (await (await fetch(`${server.origin}/front-desk?${KAZOO_FIRST_GET}`)).json()) as { data: { text: string } };
        expect(flow.data.text).toBe('Hello Sally.');
      }
      expect(receiver.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('Lambda: warm invocations of one container share it', async () => {
    const handler = lambdaHandler((platform) => serveStandalone('front-desk', createFrontDeskApp(platform)), { siblings: [], env: await envWithLookup() });
    for (let call = 0; call < 2; call += 1) {
      const result = await handler(functionUrlEvent({ method: 'GET', query: KAZOO_FIRST_GET }), lambdaContext());
      expect(JSON.parse(result.body)).toMatchObject({ module: 'tts', data: { text: 'Hello Sally.' } });
    }
    expect(receiver.received).toHaveLength(1);
  });
});
