import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOX_ID, KAZOO_FIRST_GET, node, speak, TWIML_FIRST_GET, xml } from '../support/pivot.js';
import { askAt, form, FRONT_DESK_ID, menuEnv, menuJson, menuXml, OPEN, PROMPT, recording, SAY, unanswered } from './support.js';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

const box = node('voicemail', { id: BOX_ID, action: 'compose' });
const frontDeskRing = (lead: string) => speak(lead, node('device', { id: FRONT_DESK_ID, timeout: 20 }, unanswered));
const givingUpRing = frontDeskRing(`${SAY.givingUp} ${SAY.connecting}`);
/** The path and query of a URL we handed out, to ask the app with. */
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

describe('Callflow JSON: no input and invalid keys re-prompt, then the fallback', () => {
  it('walks attempt 0 → 1 → 2 → fallback (MENU_RETRIES 2, key 0 = front desk) by following the URLs we hand out', async () => {
    let answer = (await askAt(menuEnv, OPEN, `/front-desk?${KAZOO_FIRST_GET}`)).json;
    expect(answer).toEqual(menuJson(PROMPT, 0));
    const presses = [
      ['', menuJson(`${SAY.noInput} ${PROMPT}`, 1)],
      ['7', menuJson(`${SAY.invalid} ${PROMPT}`, 2)],
      ['', givingUpRing],
    ] as const;
    for (const [key, expected] of presses) {
      const next = JSON.stringify(answer).match(/"voice_url":"([^"]+)"/)?.[1] ?? '';
      answer = (await askAt(menuEnv, OPEN, `${pathOf(next)}&Digits[menu]=${key}&${KAZOO_FIRST_GET}`)).json;
      expect(answer).toEqual(expected);
    }
  });

  it('a valid key on the last attempt still routes', async () => {
    const { json } = await askAt(menuEnv, OPEN, `/collected?attempt=2&Digits[menu]=3&${KAZOO_FIRST_GET}`);
    expect(json).toMatchObject({ children: { _: { module: 'resources' } } });
  });

  it('MENU_RETRIES 0: the first bad key goes straight to the fallback', async () => {
    const { json } = await askAt({ ...menuEnv, MENU_RETRIES: '0' }, OPEN, `/collected?attempt=0&Digits[menu]=5&${KAZOO_FIRST_GET}`);
    expect(json).toEqual(givingUpRing);
  });

  it('a missing or mangled attempt counts as the first', async () => {
    for (const attempt of ['', 'attempt=abc&', 'attempt=-1&', 'attempt=99999&']) {
      const { json } = await askAt(menuEnv, OPEN, `/collected?${attempt}Digits[menu]=5&${KAZOO_FIRST_GET}`);
      expect(json).toEqual(menuJson(`${SAY.invalid} ${PROMPT}`, 1));
    }
  });
});

describe('the fallback order: key 0, else the front desk, else voicemail', () => {
  const exhausted = (env: Record<string, string>) => askAt(env, OPEN, `/collected?attempt=2&Digits[menu]=&${KAZOO_FIRST_GET}`);

  it("key 0's target when one is set", async () => {
    expect((await exhausted({ ...menuEnv, MENU: `1=hangup; 0=voicemail:${BOX_ID}` })).json).toEqual(speak(SAY.givingUp, box));
  });

  it('the front desk when key 0 is not set', async () => {
    expect((await exhausted({ ...menuEnv, MENU: '1=hangup' })).json).toEqual(givingUpRing);
  });

  it('voicemail when neither is set: the box, or our own recording', async () => {
    const { FRONT_DESK_DEVICE_ID: _desk, ...noDesk } = menuEnv;
    const ours = speak(`${SAY.givingUp} ${SAY.leaveMessage}`, recording('reason=menu&detail=no+choice'));
    expect((await exhausted({ ...noDesk, MENU: '1=hangup' })).json).toEqual(ours);
    expect((await exhausted({ ...noDesk, MENU: '1=hangup', VOICEMAIL_BOX_ID: BOX_ID })).json).toEqual(speak(SAY.givingUp, box));
  });
});

describe('TwiML: the same sequence through <Gather> and the no-input <Redirect>', () => {
  const env = { ...menuEnv, RESPONSE_FORMAT: 'twiml' };

  it('walks attempt 0 → 1 → 2 → fallback following the Gather action and the Redirect', async () => {
    let answer = (await askAt(env, OPEN, `/front-desk?${TWIML_FIRST_GET}`)).xml ?? '';
    expect(answer).toBe(xml(menuXml(PROMPT, 0)));
    // Caller stays silent: Kazoo runs the Redirect (POST, no Digits).
    const redirect = answer.match(/<Redirect>([^<]+)<\/Redirect>/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    answer = (await askAt(env, OPEN, pathOf(redirect), form(`${TWIML_FIRST_GET}&CallStatus=in-progress`))).xml ?? '';
    expect(answer).toBe(xml(menuXml(`${SAY.noInput} ${PROMPT}`, 1)));
    // Caller presses 7: Kazoo requests the Gather action with Digits=7.
    const action = answer.match(/<Gather action="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    answer = (await askAt(env, OPEN, pathOf(action), form(`Digits=7&${TWIML_FIRST_GET}&CallStatus=in-progress`))).xml ?? '';
    expect(answer).toBe(xml(menuXml(`${SAY.invalid} ${PROMPT}`, 2)));
    // Caller presses only #: <Gather> ends with no digits; the Redirect runs.
    const last = answer.match(/<Redirect>([^<]+)<\/Redirect>/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    // The fallback rings in Callflow JSON, so an unanswered front desk still reaches a recording.
    const fallback = await askAt(env, OPEN, pathOf(last), form(`Digits=7&${TWIML_FIRST_GET}&CallStatus=in-progress`));
    expect(fallback.json).toEqual(givingUpRing);
  });
});
