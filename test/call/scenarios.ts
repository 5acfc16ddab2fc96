// The call scenarios of issue 10, played with the simulator's API against a real server (the local
// Node server, or the all-in-one Worker under wrangler dev), in both dialects and as GET, form and JSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateCall, type CallOptions, type CallTrace, type Step } from '../../tools/call/index.js';
import type { TestServer } from '../support/servers.js';

export const PIVOT_TOKEN = 'call-test-pivot-7f3a91';
export const ADMIN_TOKEN = 'call-test-admin-9c2e44';
export const PUBLIC = 'https://desk.pivot-edge.test';
export const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const USER = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
export const MONDAY_10 = '2026-11-23T10:00';
export const CHRISTMAS_10 = '2026-12-25T10:00';
export const MESSAGE = { bytes: new Uint8Array(readFileSync(new URL('../../tools/doctor/test-message.mp3', import.meta.url))), name: 'test-message.mp3' };

export const plainEnv: Readonly<Record<string, string>> = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Dec 25 off "Christmas"',
  FRONT_DESK_DEVICE_ID: DEVICE,
  RESPONSE_FORMAT: 'auto',
  PUBLIC_BASE_URL: PUBLIC,
  PIVOT_TOKEN,
  ADMIN_TOKEN,
};
export const menuEnv: Readonly<Record<string, string>> = { ...plainEnv, MENU: `1=device:${DEVICE}; 2=user:${USER}; 0=front-desk`, MENU_RETRIES: '2' };

/** Every way Kazoo may send the first request: req_format × method × req_body_format. */
export const WAYS = [
  { dialect: 'kazoo', method: 'get' },
  { dialect: 'kazoo', method: 'post', bodyFormat: 'form' },
  { dialect: 'kazoo', method: 'post', bodyFormat: 'json' },
  { dialect: 'twiml', method: 'get' },
  { dialect: 'twiml', method: 'post', bodyFormat: 'form' },
  { dialect: 'twiml', method: 'post', bodyFormat: 'json' },
] as const satisfies readonly Partial<CallOptions>[];

const name = (way: (typeof WAYS)[number]) => `${way.dialect}, ${way.method.toUpperCase()}${'bodyFormat' in way ? ` ${way.bodyFormat}` : ''}`;

/** Play a call against `server` as Kazoo reaches the public address. */
export function callOn(server: TestServer, options: Partial<CallOptions>): Promise<CallTrace> {
  return simulateCall({ url: `${PUBLIC}/front-desk`, connectTo: { [PUBLIC]: server.origin }, token: PIVOT_TOKEN, adminToken: ADMIN_TOKEN, ...options });
}

export const stepsOf = <K extends Step['kind']>(trace: CallTrace, kind: K) => trace.steps.filter((step): step is Extract<Step, { kind: K }> => step.kind === kind);
const said = (trace: CallTrace) => stepsOf(trace, 'say').map((step) => step.text);

/** The scenarios, each in every way of calling; `servers` are started by the calling test file. */
export function scenarioSuite(label: string, servers: () => { readonly plain: TestServer; readonly menu: TestServer }): void {
  describe.each(WAYS)(`${label}: the simulator over real HTTP (%#: $dialect $method)`, (way) => {
    it(`open and answered (${name(way)})`, async () => {
      const trace = await callOn(servers().plain, { ...way, at: MONDAY_10, answers: ['yes'] });
      expect(trace.problems).toEqual([]);
      expect(trace.outcome).toBe('completed');
      expect(stepsOf(trace, 'request')).toMatchObject([{ via: 'voice_url', dialect: way.dialect, status: 200, simulatedAt: '2026-11-23T15:00:00.000Z' }]);
      expect(stepsOf(trace, 'ring')).toEqual([{ kind: 'ring', target: 'device', id: DEVICE, seconds: 20, outcome: 'yes' }]);
      expect(said(trace)).toEqual(['Thank you for calling. Please hold while we connect you.']);
      expect(stepsOf(trace, 'record')).toEqual([]);
    });

    it(`open, unanswered, then a voicemail that arrives in the store (${name(way)})`, async () => {
      const server = servers().plain;
      const trace = await callOn(server, { ...way, at: MONDAY_10, answers: ['no'], record: MESSAGE, callId: `unanswered-${way.dialect}-${way.method}-${'bodyFormat' in way ? way.bodyFormat : 'query'}` });
      expect(trace.problems).toEqual([]);
      expect(stepsOf(trace, 'ring')).toMatchObject([{ target: 'device', id: DEVICE, outcome: 'no' }]);
      expect(said(trace)).toContain('Sorry, nobody is available to take your call. Please leave a message.');
      const [upload] = stepsOf(trace, 'upload');
      expect(upload).toMatchObject({ status: 201, id: expect.any(String) });
      const listing = (await (await fetch(`${server.origin}/recordings?limit=100`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { items: { id: string; callId: string; bytes: number }[] };
      const stored = listing.items.find((item) => item.id === upload?.id);
      expect(stored).toMatchObject({ bytes: MESSAGE.bytes.byteLength });
      expect(stored?.callId).toContain('unanswered-');
      const audio = await fetch(`${server.origin}/recordings/${upload?.id}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(new Uint8Array(await audio.arrayBuffer())).toEqual(MESSAGE.bytes);
    });

    it(`closed for a holiday: the reason is spoken, then voicemail (${name(way)})`, async () => {
      const trace = await callOn(servers().plain, { ...way, at: CHRISTMAS_10 });
      expect(trace.problems).toEqual([]);
      expect(stepsOf(trace, 'request')[0]).toMatchObject({ simulatedAt: '2026-12-25T15:00:00.000Z' });
      expect(said(trace)[0]).toBe('Thank you for calling. Christmas. We are closed right now. We reopen Monday at 9 AM. Please leave a message.');
      expect(stepsOf(trace, 'ring')).toEqual([]);
      expect(stepsOf(trace, 'record')).toHaveLength(1);
    });

    it(`menu, a choice, its target (${name(way)})`, async () => {
      const trace = await callOn(servers().menu, { ...way, at: MONDAY_10, digits: ['2'] });
      expect(trace.problems).toEqual([]);
      expect(stepsOf(trace, 'collect')).toMatchObject([{ pressed: '2', maxDigits: 1 }]);
      // (A TwiML <Dial action> may follow: the ringing itself is not what this scenario is about.)
      expect(stepsOf(trace, 'request').map((step) => new URL(step.url).pathname).slice(0, 2)).toEqual(['/front-desk', way.dialect === 'kazoo' ? '/collected' : '/gathered']);
      expect(stepsOf(trace, 'ring')).toMatchObject([{ target: 'user', id: USER }]);
    });

    it(`menu with bad input: retries, then the fallback (${name(way)})`, async () => {
      const trace = await callOn(servers().menu, { ...way, at: MONDAY_10, digits: ['7', '-', '7'] });
      expect(trace.problems).toEqual([]);
      expect(stepsOf(trace, 'collect').map((step) => step.pressed)).toEqual(['7', '', '7']);
      const heard = said(trace).join(' | ');
      expect(heard).toContain('Sorry, that is not one of the choices.');
      expect(heard).toContain('Sorry, we did not hear a choice.');
      expect(heard).toContain('Sorry, we did not get a choice.');
      // Key 0 is the front desk: the fallback after MENU_RETRIES re-prompts.
      expect(stepsOf(trace, 'ring')).toMatchObject([{ target: 'device', id: DEVICE }]);
    });
  });
}
