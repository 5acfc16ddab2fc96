import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KAZOO_FIRST_GET, node, recordCall, recordingUrlFor, speak, TWIML_FIRST_GET } from '../support/pivot.js';
import { askAt, form, FRONT_DESK_ID, frontDeskRing, jsonBody, menuEnv, menuJson, OPEN, PROMPT, SAY } from './support.js';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

const KAZOO_JSON = { 'Call-ID': 'abc123@192.168.1.2', 'Account-ID': '4b8c0d0e0f101112131415161718191a', 'Caller-ID-Number': '+14155550100', Direction: 'inbound' };
const USER_RING = { module: 'tts', children: { _: { module: 'user' } } };
const routedToUser = (json: unknown) => expect(json).toMatchObject(USER_RING);

describe('collected reads key 2 however the digits arrive', () => {
  it.each([
    ['GET, Digits[menu]=2', `Digits[menu]=2&${KAZOO_FIRST_GET}`, {}],
    ['GET, percent-encoded brackets', `Digits%5Bmenu%5D=2&${KAZOO_FIRST_GET}`, {}],
    ['GET, Digits[default]=2 (a collect_dtmf without a name)', `Digits[default]=2&${KAZOO_FIRST_GET}`, {}],
    ['GET, plain Digits=2 (legacy)', `Digits=2&${KAZOO_FIRST_GET}`, {}],
    ['GET, terminator kept by a legacy sender', `Digits=2%23&${KAZOO_FIRST_GET}`, {}],
    ['form, Digits[menu]=2', '', form(`Digits[menu]=2&${KAZOO_FIRST_GET}`)],
    ['form, plain Digits=2', '', form(`Digits=2&${KAZOO_FIRST_GET}`)],
    ['JSON, "Digits": {"menu": "2"}', '', jsonBody({ ...KAZOO_JSON, Digits: { menu: '2' } })],
    ['JSON, "Digits": "2"', '', jsonBody({ ...KAZOO_JSON, Digits: '2' })],
    ['GET, twiml parameter names', `Digits=2&${TWIML_FIRST_GET}`, {}],
  ])('%s', async (_how, query, init) => {
    routedToUser((await askAt(menuEnv, OPEN, `/collected?attempt=0&${query}`, init)).json);
  });

  it('our collection wins over a stale plain Digits (Kazoo keeps a <Record> terminator around)', async () => {
    routedToUser((await askAt(menuEnv, OPEN, `/collected?attempt=0&Digits=%23&Digits[menu]=2&${KAZOO_FIRST_GET}`)).json);
  });

  it.each([
    ['an empty collection (collect_dtmf timed out)', `Digits[menu]=&${KAZOO_FIRST_GET}`],
    ['only the terminator', `Digits=%23&${KAZOO_FIRST_GET}`],
    ['no Digits at all', KAZOO_FIRST_GET],
    ['an empty JSON collection object', ''],
  ])('no input: %s', async (_how, query) => {
    const init = query === '' ? jsonBody({ ...KAZOO_JSON, Digits: {} }) : {};
    const { json } = await askAt(menuEnv, OPEN, `/collected?attempt=0&${query}`, init);
    // The JSON request names only the caller's number, and the fallback's recording carries just that.
    const onlyNumber = recordCall(recordingUrlFor('reason=fallback', undefined, 'caller_number=%2B14155550100'));
    const fallback = query === '' ? node('device', { id: FRONT_DESK_ID, timeout: 20 }, speak(SAY.unanswered, onlyNumber)) : frontDeskRing;
    expect(json).toEqual(menuJson(`${SAY.noInput} ${PROMPT}`, 1, fallback));
  });
});

describe('gathered reads key 2 however the digits arrive', () => {
  const TWIML_FORM = `${TWIML_FIRST_GET}&CallStatus=in-progress`;
  it.each([
    ['form POST, Digits=2 (what <Gather> sends)', '', form(`Digits=2&${TWIML_FORM}`)],
    ['GET, Digits=2 (<Gather method="GET">)', `Digits=2&${TWIML_FIRST_GET}`, {}],
    ['form POST, Digits[menu]=2', '', form(`Digits[menu]=2&${TWIML_FORM}`)],
    ['JSON, "Digits": "2"', '', jsonBody({ CallSid: 'c1', Digits: '2' })],
    ['JSON, "Digits": {"menu": "2"}', '', jsonBody({ CallSid: 'c1', Digits: { menu: '2' } })],
    ['GET, kazoo parameter names', `Digits[menu]=2&${KAZOO_FIRST_GET}`, {}],
  ])('%s', async (_how, query, init) => {
    routedToUser((await askAt(menuEnv, OPEN, `/gathered?attempt=0&${query}`, init)).json);
  });

  it('the no-input <Redirect> is no input even when Kazoo resends the digits of an earlier <Gather>', async () => {
    const { xml } = await askAt(menuEnv, OPEN, `/gathered?attempt=1&input=none&${TWIML_FIRST_GET}`, form(`Digits=2&${TWIML_FORM}`));
    expect(xml).toContain(`${SAY.noInput} ${PROMPT}`);
    expect(xml).toContain('gathered?attempt=2');
  });
});
