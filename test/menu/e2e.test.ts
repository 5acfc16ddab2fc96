import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../functions/local/server.js';
import { BASE, DEVICE_ID, KAZOO_FIRST_GET, pivotAnswer, TWIML_FIRST_GET } from '../support/pivot.js';
import { menuEnv, SAY } from './support.js';

// Kazoo refuses localhost URLs (and the schema oracle flags them), so the server hands out
// PUBLIC_BASE_URL-based URLs and this stand-in for Kazoo sends each one to the local origin.
const TOKEN = 'e2e-t0ken';
const servers: Record<'callflow' | 'twiml', LocalServer | undefined> = { callflow: undefined, twiml: undefined };
beforeAll(async () => {
  for (const format of ['callflow', 'twiml'] as const) {
    const env = { ...menuEnv, FORCE_STATE: 'open', RESPONSE_FORMAT: format, PIVOT_TOKEN: TOKEN };
    servers[format] = await startLocalServer(env, { port: 0, hostname: '127.0.0.1', quiet: true });
  }
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server?.close()));
});

/**
 * Request a URL we handed out as Kazoo would: GET with the params appended (Callflow pivot) or a
 * form POST (TwiML action); URL userinfo becomes Basic auth; the host is the local server.
 */
async function kazooRequests(format: 'callflow' | 'twiml', handedOut: string, params: string) {
  const url = new URL(handedOut.replace(/&amp;/g, '&'));
  expect(url.origin).toBe(BASE);
  const headers = { authorization: `Basic ${btoa(`${url.username}:${url.password}`)}` };
  const local = `${servers[format]?.origin}${url.pathname}${url.search}`;
  const response =
    format === 'callflow'
      ? await fetch(`${local}${url.search === '' ? '?' : '&'}${params}`, { headers })
      : await fetch(local, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: params });
  return pivotAnswer(response);
}
const voiceUrl = `https://pivot:${TOKEN}@pivot.example.com/front-desk`;

describe('npm start serves front-desk, collected and gathered on one port', () => {
  it('Callflow JSON: front-desk → collected (key 1) → the device rings, a message when unanswered', async () => {
    const menu = await kazooRequests('callflow', voiceUrl, KAZOO_FIRST_GET);
    const collectedUrl = JSON.stringify(menu.json).match(/"voice_url":"([^"]+)"/)?.[1] ?? '';
    expect(collectedUrl).toBe(`https://pivot:${TOKEN}@pivot.example.com/collected?attempt=0`);
    const target = await kazooRequests('callflow', collectedUrl, `Digits[menu]=1&${KAZOO_FIRST_GET}`);
    expect(target.json).toMatchObject({
      module: 'tts',
      data: { text: SAY.connecting },
      children: { _: { module: 'device', data: { id: DEVICE_ID, timeout: 20 }, children: { _: { children: { _: { module: 'record_call' } } } } } },
    });
  });

  it('TwiML: front-desk → gathered (silence, then key 1) → the device rings in Callflow JSON, record_call when unanswered', async () => {
    const menu = (await kazooRequests('twiml', voiceUrl, TWIML_FIRST_GET)).xml ?? '';
    const redirect = menu.match(/<Redirect>([^<]+)</)?.[1] ?? '';
    const again = (await kazooRequests('twiml', redirect, `${TWIML_FIRST_GET}&CallStatus=in-progress`)).xml ?? '';
    expect(again).toContain(SAY.noInput);
    const action = again.match(/<Gather action="([^"]+)"/)?.[1] ?? '';
    expect(action).toBe(`https://pivot:${TOKEN}@pivot.example.com/gathered?attempt=1`);
    const ring = (await kazooRequests('twiml', action, `Digits=1&${TWIML_FIRST_GET}&CallStatus=in-progress`)).json;
    const url = `https://pivot:${TOKEN}@pivot.example.com/recordings?reason=unanswered&caller_name=Alice+Smith&caller_number=%2B14155550100&dialled=5000&recording=`;
    expect(ring).toMatchObject({
      module: 'tts',
      children: { _: { module: 'device', data: { id: DEVICE_ID }, children: { _: { children: { _: { module: 'record_call', data: { action: 'start', url } } } } } } },
    });
  });
});
