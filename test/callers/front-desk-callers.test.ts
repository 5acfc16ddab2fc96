// front-desk deciding by who is calling, exact flows in both dialects: blocked, anonymous, VIP,
// the lookup's name, say and every route; the lookup against a real receiver on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask, BASE, BOX_ID, DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer, recordCall, recordingUrlFor, sayXml, speak, TWIML_FIRST_GET, USER_ID, xml } from '../support/pivot.js';
import { json, startReceiver, type Receiver } from './receiver.js';

const FRONT_DESK = 'fd0fd0fd0fd0fd0fd0fd0fd0fd0fd0fd';
const OPEN_GREETING = 'Thank you for calling. Please hold while we connect you.';
// At CLOSED_AT the default closed greeting says when we reopen.
const CLOSED = 'Thank you for calling. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message.';
const UNANSWERED = 'Sorry, nobody is available to take your call. Please leave a message.';
const BALANCE = 'Your current account balance is 5 dollars and 72 cents.';
const PROMPT = 'Press 1 for sales.';

const base: Record<string, string> = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00',
  PUBLIC_BASE_URL: BASE,
  FRONT_DESK_DEVICE_ID: FRONT_DESK,
  DEFAULT_COUNTRY_CODE: '1',
};
// Monday 2026-11-23: 10:00 EST (open) and 18:00 EST (closed).
const OPEN = '2026-11-23T15:00:00Z';
const CLOSED_AT = '2026-11-23T23:00:00Z';
// The caller of KAZOO_FIRST_GET / TWIML_FIRST_GET is +14155550100, here written as carriers may send it.
const CALLER = '415-555-0100';

/** Our own voicemail (record_call), its url saying why: `closed`, `unanswered`, `vip`, ... */
const record = (why = 'reason=closed') => recordCall(recordingUrlFor(why));
/** Ring for RING_TIMEOUT, then our voicemail; a VIP's message says `vip`. */
const ring = (module: string, data: Record<string, unknown>, reason = 'unanswered') =>
  node(module, { ...data, timeout: 20 }, speak(UNANSWERED, record(`reason=${reason}`)));
const menuCallflow = (prompt: string) =>
  speak(
    prompt,
    node(
      'collect_dtmf',
      { collection_name: 'menu', max_digits: 1, timeout: 5000, terminators: ['#'] },
      node('pivot', { voice_url: `${BASE}/collected?attempt=0`, method: 'get', req_format: 'kazoo' }, ring('device', { id: FRONT_DESK }, 'fallback')),
    ),
  );
const menuTwiml = (prompt: string) =>
  `<Gather action="${BASE}/gathered?attempt=0" numDigits="1" timeout="5">${sayXml(prompt)}</Gather><Redirect>${BASE}/gathered?attempt=0&amp;input=none</Redirect>`;

const ANONYMOUS_GET = KAZOO_FIRST_GET.replace('Caller-ID-Number=%2B14155550100', 'Caller-ID-Number=anonymous');
const ANONYMOUS_TWIML = TWIML_FIRST_GET.replace('CallerNumber=%2B14155550100', 'CallerNumber=');

let logs: string[];
let receiver: Receiver | undefined;
beforeEach(() => {
  logs = [];
  for (const level of ['info', 'warn', 'error', 'log'] as const) vi.spyOn(console, level).mockImplementation((line: string) => void logs.push(line));
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await receiver?.close();
  receiver = undefined;
});

async function frontDesk(env: Record<string, string>, at: string, query = KAZOO_FIRST_GET) {
  vi.setSystemTime(new Date(at));
  return pivotAnswer(await ask({ ...base, ...env }, `/front-desk?${query}`));
}
const callflow = async (env: Record<string, string>, at: string, query = KAZOO_FIRST_GET) => (await frontDesk(env, at, query)).json;
const twiml = async (env: Record<string, string>, at: string, query = TWIML_FIRST_GET) => (await frontDesk({ ...env, RESPONSE_FORMAT: 'twiml' }, at, query)).xml;
/** A TwiML request answered with Callflow JSON: ringing and voicemail are Callflow JSON in both dialects. */
const twimlJson = async (env: Record<string, string>, at: string, query = TWIML_FIRST_GET) => (await frontDesk({ ...env, RESPONSE_FORMAT: 'twiml' }, at, query)).json;

/** A lookup service answering `body` (JSON) to every request. */
async function lookupAnswering(body: unknown): Promise<Record<string, string>> {
  receiver = await startReceiver((_request, response) => json(response, 200, body));
  return { CALLER_LOOKUP_URL: `${receiver.origin}/who` };
}
const warned = (event: string) => logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === event);

describe('BLOCKED_NUMBERS and BLOCK_ANONYMOUS', () => {
  it('a blocked number is refused busy, open or closed: Callflow response 486, TwiML <Reject reason="busy">', async () => {
    const env = { BLOCKED_NUMBERS: CALLER };
    expect(await callflow(env, OPEN)).toEqual(node('response', { code: 486 }));
    expect(await callflow(env, CLOSED_AT)).toEqual(node('response', { code: 486 }));
    expect(await twiml(env, OPEN)).toBe(xml('<Reject reason="busy"/>'));
  });

  it('anonymous callers are refused only with BLOCK_ANONYMOUS=true', async () => {
    expect(await callflow({ BLOCK_ANONYMOUS: 'true' }, OPEN, ANONYMOUS_GET)).toEqual(node('response', { code: 486 }));
    expect(await twiml({ BLOCK_ANONYMOUS: 'true' }, OPEN, ANONYMOUS_TWIML)).toBe(xml('<Reject reason="busy"/>'));
    const anonymousMessage = recordCall(recordingUrlFor('reason=unanswered', undefined, 'caller_name=Alice+Smith&caller_number=anonymous&dialled=5000'));
    expect(await callflow({}, OPEN, ANONYMOUS_GET)).toEqual(speak(OPEN_GREETING, node('device', { id: FRONT_DESK, timeout: 20 }, speak(UNANSWERED, anonymousMessage))));
  });

  it('an extension never matches a blocked number by accident', async () => {
    const extension = KAZOO_FIRST_GET.replace('Caller-ID-Number=%2B14155550100', 'Caller-ID-Number=2001');
    expect(await callflow({ BLOCKED_NUMBERS: '+12001', BLOCK_ANONYMOUS: 'true' }, OPEN, extension)).toMatchObject({ module: 'tts' });
  });

  it('a blocked caller costs the lookup nothing', async () => {
    const env = { ...(await lookupAnswering({ route: 'vip' })), BLOCKED_NUMBERS: CALLER };
    expect(await callflow(env, OPEN)).toEqual(node('response', { code: 486 }));
    expect(receiver?.received).toHaveLength(0);
  });
});

describe('VIP_NUMBERS', () => {
  it('closed: a VIP still rings the front desk, voicemail when unanswered', async () => {
    const vipFlow = speak(OPEN_GREETING, ring('device', { id: FRONT_DESK }, 'vip'));
    expect(await callflow({ VIP_NUMBERS: CALLER }, CLOSED_AT)).toEqual(vipFlow);
    expect(await twimlJson({ VIP_NUMBERS: CALLER }, CLOSED_AT)).toEqual(vipFlow);
  });

  it('closed: VIP_TARGET rings instead (a user, or a number)', async () => {
    expect(await callflow({ VIP_NUMBERS: CALLER, VIP_TARGET: `user:${USER_ID}` }, CLOSED_AT)).toEqual(speak(OPEN_GREETING, ring('user', { id: USER_ID }, 'vip')));
    expect(await twimlJson({ VIP_NUMBERS: CALLER, VIP_TARGET: 'number:+15551234567' }, CLOSED_AT)).toEqual(
      speak(OPEN_GREETING, ring('resources', { to_did: '+15551234567' }, 'vip')),
    );
  });

  it('open with a menu: a VIP skips the menu', async () => {
    const env = { VIP_NUMBERS: `+1 (415) 555-0100`, MENU: `1=device:${DEVICE_ID}`, MENU_PROMPT: PROMPT };
    expect(await callflow(env, OPEN)).toEqual(speak(OPEN_GREETING, ring('device', { id: FRONT_DESK }, 'vip')));
    expect(await twimlJson(env, OPEN)).toEqual(speak(OPEN_GREETING, ring('device', { id: FRONT_DESK }, 'vip')));
    // Everyone else gets the menu.
    expect(await callflow({ ...env, VIP_NUMBERS: '+14155550199' }, OPEN)).toEqual(menuCallflow(PROMPT));
  });

  it('with a voicemail box, an unanswered VIP reaches the box', async () => {
    expect(await callflow({ VIP_NUMBERS: CALLER, VOICEMAIL_BOX_ID: BOX_ID, GREETING_OPEN: 'none' }, CLOSED_AT)).toEqual(
      node('device', { id: FRONT_DESK, timeout: 20 }, speak(UNANSWERED, node('voicemail', { id: BOX_ID, action: 'compose' }))),
    );
  });

  it('blocked wins over VIP', async () => {
    expect(await callflow({ VIP_NUMBERS: CALLER, BLOCKED_NUMBERS: CALLER }, OPEN)).toEqual(node('response', { code: 486 }));
  });
});

describe('CALLER_LOOKUP_URL', () => {
  const HELLO = { GREETING_OPEN: 'Hello {name}.', GREETING_CLOSED: 'Hello {name}. We are closed right now. Please leave a message.' };

  it('name and say: "Hello Sally", the balance, then the front desk rings', async () => {
    const env = { ...(await lookupAnswering({ name: 'Sally', say: BALANCE, route: 'default' })), ...HELLO };
    expect(await callflow(env, OPEN)).toEqual(speak(`Hello Sally. ${BALANCE}`, ring('device', { id: FRONT_DESK })));
    expect(await twimlJson(env, OPEN)).toEqual(speak(`Hello Sally. ${BALANCE}`, ring('device', { id: FRONT_DESK })));
  });

  it('closed: the closed greeting with the name, the say, then voicemail', async () => {
    const env = { ...(await lookupAnswering({ name: 'Sally', say: BALANCE })), ...HELLO };
    const spoken = `Hello Sally. We are closed right now. Please leave a message. ${BALANCE}`;
    expect(await callflow(env, CLOSED_AT)).toEqual(speak(spoken, record()));
    expect(await twimlJson(env, CLOSED_AT)).toEqual(speak(spoken, record()));
  });

  it('an unknown caller (an empty answer) hears the neutral greeting', async () => {
    receiver = await startReceiver((_request, response) => response.writeHead(204).end());
    const env = { CALLER_LOOKUP_URL: `${receiver.origin}/who`, GREETING_OPEN: 'Hello {name}, thanks for calling.' };
    expect(await callflow(env, OPEN)).toEqual(speak('Hello, thanks for calling.', ring('device', { id: FRONT_DESK })));
  });

  it('with a menu, the say comes before the prompt', async () => {
    const env = { ...(await lookupAnswering({ say: BALANCE })), MENU: `1=device:${DEVICE_ID}`, MENU_PROMPT: PROMPT };
    expect(await callflow(env, OPEN)).toEqual(menuCallflow(`${BALANCE} ${PROMPT}`));
    expect(await twiml(env, OPEN)).toBe(xml(menuTwiml(`${BALANCE} ${PROMPT}`)));
  });

  it('is told the caller, the dialled number, the call and the state', async () => {
    const env = await lookupAnswering({});
    await frontDesk({ ...env, BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Nov 23 off "Thanksgiving"' }, OPEN);
    expect(receiver?.received[0]?.query).toEqual({
      caller_number: '+14155550100',
      caller_number_as_sent: '+14155550100',
      caller_name: 'Alice Smith',
      dialled: '5000',
      call_id: 'abc123@192.168.1.2',
      state: 'closed',
      reason: 'Thanksgiving',
    });
  });
});

describe('lookup routes', () => {
  const withRoute = async (route: string, env: Record<string, string> = {}) => ({ ...(await lookupAnswering({ name: 'Sally', say: BALANCE, route })), ...env });

  it('vip: rings the VIP target even when closed, with the greeting and the say', async () => {
    const env = await withRoute('vip', { VIP_TARGET: `device:${DEVICE_ID}`, GREETING_OPEN: 'Hello {name}.' });
    expect(await callflow(env, CLOSED_AT)).toEqual(speak(`Hello Sally. ${BALANCE}`, ring('device', { id: DEVICE_ID }, 'vip')));
    expect(await twimlJson(env, CLOSED_AT)).toEqual(speak(`Hello Sally. ${BALANCE}`, ring('device', { id: DEVICE_ID }, 'vip')));
  });

  it('block: refused busy, nothing said', async () => {
    const env = await withRoute('block');
    expect(await callflow(env, OPEN)).toEqual(node('response', { code: 486 }));
    expect(await twiml(env, OPEN)).toBe(xml('<Reject reason="busy"/>'));
  });

  it('voicemail: the say, then the invitation and our recording (or the box, which greets by itself)', async () => {
    const env = await withRoute('voicemail');
    const lookupVoicemail = speak(`${BALANCE} Please leave a message.`, record('reason=lookup'));
    expect(await callflow(env, OPEN)).toEqual(lookupVoicemail);
    expect(await twimlJson(env, OPEN)).toEqual(lookupVoicemail);
    // Closed, the message says so, as any closed-hours message does.
    expect(await callflow(env, CLOSED_AT)).toEqual(speak(`${BALANCE} Please leave a message.`, record()));
    expect(await callflow({ ...env, VOICEMAIL_BOX_ID: BOX_ID }, OPEN)).toEqual(speak(BALANCE, node('voicemail', { id: BOX_ID, action: 'compose' })));
  });

  it('menu: the menu during hours; closed, the closed flow', async () => {
    const env = await withRoute('menu', { MENU: `1=device:${DEVICE_ID}`, MENU_PROMPT: PROMPT });
    expect(await callflow(env, OPEN)).toEqual(menuCallflow(`${BALANCE} ${PROMPT}`));
    expect(await twiml(env, OPEN)).toBe(xml(menuTwiml(`${BALANCE} ${PROMPT}`)));
    expect(await callflow(env, CLOSED_AT)).toEqual(speak(`${CLOSED} ${BALANCE}`, record()));
  });

  it('device:ID, user:ID, number:+E164: ring it, open or closed', async () => {
    for (const [route, module, data] of [
      [`device:${DEVICE_ID}`, 'device', { id: DEVICE_ID }],
      [`user:${USER_ID}`, 'user', { id: USER_ID }],
      ['number:+15551234567', 'resources', { to_did: '+15551234567' }],
    ] as const) {
      const env = await withRoute(route);
      expect(await callflow(env, CLOSED_AT)).toEqual(speak(`${OPEN_GREETING} ${BALANCE}`, ring(module, data)));
      expect(await twimlJson(env, OPEN)).toEqual(speak(`${OPEN_GREETING} ${BALANCE}`, ring(module, data)));
      await receiver?.close();
    }
  });

  it('default: by the hours', async () => {
    const env = await withRoute('default');
    expect(await callflow(env, CLOSED_AT)).toEqual(speak(`${CLOSED} ${BALANCE}`, record()));
  });

  it('route menu without MENU: by the hours, and the log says why', async () => {
    const env = await withRoute('menu');
    expect(await callflow(env, OPEN)).toEqual(speak(`${OPEN_GREETING} ${BALANCE}`, ring('device', { id: FRONT_DESK })));
    expect(warned('caller_route_unusable')).toEqual([
      { time: expect.any(String), level: 'warn', event: 'caller_route_unusable', route: 'menu', why: 'no-menu', detail: 'the route is menu, but MENU is not set', callId: 'abc123@192.168.1.2' },
    ]);
  });
});

describe('the order: blocked, VIP, lookup, hours', () => {
  it('without CALLER_LOOKUP_OVERRIDES the lookup route does not change a VIP (its name and say are still used)', async () => {
    const env = { ...(await lookupAnswering({ name: 'Sally', say: BALANCE, route: 'voicemail' })), VIP_NUMBERS: CALLER, GREETING_OPEN: 'Hello {name}.' };
    expect(await callflow(env, CLOSED_AT)).toEqual(speak(`Hello Sally. ${BALANCE}`, ring('device', { id: FRONT_DESK }, 'vip')));
  });

  it('with CALLER_LOOKUP_OVERRIDES=true the lookup route wins over VIP and blocked; default leaves them be', async () => {
    const vip = { ...(await lookupAnswering({ route: 'voicemail' })), VIP_NUMBERS: CALLER, CALLER_LOOKUP_OVERRIDES: 'true' };
    expect(await callflow(vip, OPEN)).toEqual(speak('Please leave a message.', record('reason=lookup')));
    await receiver?.close();
    const unblocked = { ...(await lookupAnswering({ route: `device:${DEVICE_ID}` })), BLOCKED_NUMBERS: CALLER, CALLER_LOOKUP_OVERRIDES: 'true' };
    expect(await callflow(unblocked, CLOSED_AT)).toEqual(speak(OPEN_GREETING, ring('device', { id: DEVICE_ID })));
    await receiver?.close();
    const stillBlocked = { ...(await lookupAnswering({ route: 'default' })), BLOCKED_NUMBERS: CALLER, CALLER_LOOKUP_OVERRIDES: 'true' };
    expect(await callflow(stillBlocked, OPEN)).toEqual(node('response', { code: 486 }));
  });
});

describe('a failing lookup: the normal flow, one log line saying why, no secret anywhere', () => {
  const TOKEN = 'lookup-s3cret-token';
  const normal = speak(OPEN_GREETING, ring('device', { id: FRONT_DESK }));

  it.each([
    ['slow past the budget', 'timeout', { CALLER_LOOKUP_TIMEOUT_MS: '200' }, (_r: unknown, response: import('node:http').ServerResponse) => void setTimeout(() => response.end('{}'), 5000)],
    ['500', 'http-500', {}, (_r: unknown, response: import('node:http').ServerResponse) => json(response, 500, {})],
    ['invalid JSON', 'not-json', {}, (_r: unknown, response: import('node:http').ServerResponse) => response.end('{"name":')],
    ['a 10 MB body', 'too-large', {}, (_r: unknown, response: import('node:http').ServerResponse) => response.end(Buffer.alloc(10 * 1024 * 1024, 'x'))],
    ['a redirect loop', 'redirect-loop', {}, (r: { path: string }, response: import('node:http').ServerResponse) => response.writeHead(302, { location: r.path === '/a' ? '/b' : '/a' }).end()],
    ['an unknown route', 'unknown-route', {}, (_r: unknown, response: import('node:http').ServerResponse) => json(response, 200, { route: 'sales' })],
    ['a target that fails validation', 'bad-target', {}, (_r: unknown, response: import('node:http').ServerResponse) => json(response, 200, { route: 'user:42' })],
  ] as const)('%s', async (_name, why, extra, handle) => {
    receiver = await startReceiver(handle as never);
    const url = new URL(`${receiver.origin}/a`);
    url.username = 'crm';
    url.password = TOKEN;
    expect(await callflow({ CALLER_LOOKUP_URL: url.href, ...extra }, OPEN)).toEqual(normal);
    const failures = warned('caller_lookup_failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'warn', why, cached: false, callId: 'abc123@192.168.1.2' });
    expect(logs.join('\n')).not.toContain(TOKEN);
    // The credentials did reach the service, as a Basic header.
    expect(receiver.received[0]?.headers.authorization).toBe(`Basic ${btoa(`crm:${TOKEN}`)}`);
  }, 10_000);

  it('connection refused', async () => {
    receiver = await startReceiver(() => undefined);
    const env = { CALLER_LOOKUP_URL: `${receiver.origin}/who`, CALLER_LOOKUP_AUTH: `Bearer ${TOKEN}` };
    await receiver.close();
    expect(await callflow(env, OPEN)).toEqual(normal);
    expect(warned('caller_lookup_failed')).toEqual([
      { time: expect.any(String), level: 'warn', event: 'caller_lookup_failed', why: 'unreachable', detail: `${new URL(env.CALLER_LOOKUP_URL).host}: ECONNREFUSED`, cached: false, callId: 'abc123@192.168.1.2' },
    ]);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('TwiML too', async () => {
    receiver = await startReceiver((_r, response) => json(response, 503, {}));
    expect(await twimlJson({ CALLER_LOOKUP_URL: `${receiver.origin}/who` }, CLOSED_AT)).toEqual(speak(CLOSED, record()));
    expect(warned('caller_lookup_failed')).toMatchObject([{ why: 'http-503' }]);
  });
});
