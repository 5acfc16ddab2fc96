// The README's Hello Sally example, end to end: examples/hello-sally-lookup.mjs runs as its own
// Node process, front-desk asks it, and the flow is exactly the one the README shows.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { ask, BASE, KAZOO_FIRST_GET, pivotAnswer, TWIML_FIRST_GET } from '../support/pivot.js';

const root = new URL('../../', import.meta.url);
let service: ChildProcess;
let lookupUrl: string;

beforeAll(async () => {
  service = spawn(process.execPath, ['examples/hello-sally-lookup.mjs'], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', LOOKUP_TOKEN: 'crm-token' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(service.stdout!, 'data')) as [Buffer];
  lookupUrl = /on (http\S+)/.exec(line.toString())![1]!;
});
afterAll(async () => {
  service.kill();
  await once(service, 'exit');
});
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

const env = {
  TIMEZONE: 'America/New_York',
  PUBLIC_BASE_URL: BASE,
  FRONT_DESK_DEVICE_ID: 'fd0fd0fd0fd0fd0fd0fd0fd0fd0fd0fd',
  DEFAULT_COUNTRY_CODE: '1',
  GREETING_OPEN: 'Hello {name}.',
  CALLER_LOOKUP_AUTH: 'crm-token',
};

async function frontDesk(query: string, extra: Record<string, string> = {}) {
  vi.setSystemTime(new Date('2026-11-23T15:00:00Z'));
  return pivotAnswer(await ask({ ...env, CALLER_LOOKUP_URL: lookupUrl, ...extra }, `/front-desk?${query}`));
}

/** The JSON block that follows `<!-- hello-sally-flow -->` in the README. */
function readmeFlow(): unknown {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const block = /<!-- hello-sally-flow -->\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README: no json block after <!-- hello-sally-flow -->');
  return JSON.parse(block.replaceAll('https://pivot.example.com', BASE));
}

describe('Hello Sally', () => {
  it('Callflow JSON: exactly the flow in the README', async () => {
    expect((await frontDesk(KAZOO_FIRST_GET)).json).toEqual(readmeFlow());
  });

  it('TwiML, and a POST lookup: the same flow (ringing is Callflow JSON in both dialects)', async () => {
    const { json } = await frontDesk(TWIML_FIRST_GET, { RESPONSE_FORMAT: 'twiml', CALLER_LOOKUP_METHOD: 'post' });
    expect(json).toEqual(readmeFlow());
  });

  it('someone the service does not know hears the neutral greeting and the front desk rings', async () => {
    const stranger = KAZOO_FIRST_GET.replace('Caller-ID-Number=%2B14155550100', 'Caller-ID-Number=4155550142');
    expect((await frontDesk(stranger)).json).toMatchObject({ module: 'tts', data: { text: 'Hello.' }, children: { _: { module: 'device' } } });
  });
});
