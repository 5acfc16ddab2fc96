import { describe, expect, it } from 'vitest';
import { callerFacts, menuFlow, rejectFlow, ringFlow, voicemailFlow, type CallContext } from '../../shared/calls/index.js';
import { readPivotRequest } from '../../shared/adapter/index.js';
import { parseConfig } from '../../shared/config/index.js';
import { callflow, constantAction, renderFlow, type CallflowAction, type Flow } from '../../shared/flows/index.js';
import { BASE, DEVICE_ID, KAZOO_FIRST_GET } from '../support/pivot.js';

const config = parseConfig({ TIMEZONE: 'America/New_York', FRONT_DESK_DEVICE_ID: DEVICE_ID, PUBLIC_BASE_URL: BASE, MENU: `1=device:${DEVICE_ID}` });
const urls = { 'front-desk': `${BASE}/front-desk`, collected: `${BASE}/collected`, gathered: `${BASE}/gathered`, recordings: `${BASE}/recordings` };
const context: CallContext = { config, dialect: 'callflow', urls, caller: callerFacts(await readPivotRequest(new Request(`${BASE}/front-desk?${KAZOO_FIRST_GET}`))) };
const json = (flow: Flow) => (flow.dialect === 'callflow' ? JSON.stringify(flow.action) : '');

describe('Callflow JSON, rendered node by node with constant parts from a cache', () => {
  it('is exactly JSON.stringify of every flow we build, the first time and again from the cache', () => {
    const flows = [
      ringFlow(context, config.frontDesk!, 'Hello "there" \\ \u2028 😀'),
      voicemailFlow(context, 'Please leave a message.', { kind: 'closed', detail: 'Christmas & New Year' }),
      voicemailFlow({ ...context, caller: {} }, '', { kind: 'fallback' }),
      menuFlow(context, 'Press 1.', 0),
      rejectFlow(context),
    ];
    for (const flow of flows) {
      expect(renderFlow(flow).body).toBe(json(flow));
      expect(renderFlow(flow).body).toBe(json(flow));
    }
  });

  it('two messages share the closing chain of the config, frozen, and each keeps its own record_call URL', () => {
    const first = voicemailFlow(context, '', { kind: 'closed' });
    const second = voicemailFlow({ ...context, caller: { number: '+15550100' } }, '', { kind: 'menu', detail: '9' });
    const chainOf = (flow: Flow) => (flow.dialect === 'callflow' ? flow.action.children._ : undefined);
    expect(chainOf(first)).toBe(chainOf(second));
    expect(Object.isFrozen(chainOf(first))).toBe(true);
    expect(Object.isFrozen(chainOf(first)?.data)).toBe(true);
    expect(renderFlow(first).body).toBe(json(first));
    expect(renderFlow(second).body).toBe(json(second));
    expect(renderFlow(second).body).toContain('reason=menu&detail=9&caller_number=%2B15550100&recording=');
  });

  it('an action of another shape is written as JSON.stringify writes it (key order, other children)', () => {
    const reordered = { data: { text: 'hi' }, module: 'tts', children: {} } as unknown as CallflowAction;
    const branched = { module: 'menu', data: {}, children: { _: callflow.hangup(), 1: callflow.hangup() } } as CallflowAction;
    const withConstant = callflow.tts('hi', { voice: 'female', language: 'en' }, constantAction(callflow.sleep(5, callflow.hangup())));
    for (const action of [reordered, branched, withConstant]) expect(renderFlow({ dialect: 'callflow', action }).body).toBe(JSON.stringify(action));
  });
});
