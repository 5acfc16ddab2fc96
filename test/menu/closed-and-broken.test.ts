import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask, BOX_ID, KAZOO_FIRST_GET, node, speak, TWIML_FIRST_GET } from '../support/pivot.js';
import { AFTER_CLOSING, askAt, form, frontDeskRing, menuEnv, OPEN, recording, SAY } from './support.js';

let warnings: string[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const collected = (env: Record<string, string>, at = OPEN, query = `attempt=0&Digits[menu]=1&${KAZOO_FIRST_GET}`) => askAt(env, at, `/collected?${query}`);

describe('closed hours: a menu choice arriving after closing gets the closed flow', () => {
  it('collected: the closed greeting, then voicemail', async () => {
    expect((await collected(menuEnv, AFTER_CLOSING)).json).toEqual(speak(SAY.closed, recording('reason=closed')));
    const withBox = await collected({ ...menuEnv, VOICEMAIL_BOX_ID: BOX_ID }, AFTER_CLOSING);
    expect(withBox.json).toEqual(speak(SAY.closed, node('voicemail', { id: BOX_ID, action: 'compose' })));
  });

  it('gathered: the closed greeting, then record_call (Callflow JSON)', async () => {
    const { json } = await askAt(menuEnv, AFTER_CLOSING, `/gathered?attempt=0&${TWIML_FIRST_GET}`, form(`Digits=1&${TWIML_FIRST_GET}`));
    expect(json).toEqual(speak(SAY.closed, recording('reason=closed')));
  });

  it('FORCE_STATE closed and a holiday reason apply too', async () => {
    expect((await collected({ ...menuEnv, FORCE_STATE: 'closed' })).json).toEqual(speak(SAY.forcedClosed, recording('reason=closed')));
    const holiday = await collected({ ...menuEnv, BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Nov 23 off "Staff training"' });
    const greeting = 'Thank you for calling. Staff training. We are closed right now. We reopen tomorrow at 9 AM. Please leave a message.';
    expect(holiday.json).toEqual(speak(greeting, recording('reason=closed&detail=Staff+training')));
  });
});

describe('never silence: broken config or input still gets a valid flow, and the log says why', () => {
  it('MENU unset: the fallback', async () => {
    const { MENU: _menu, ...env } = menuEnv;
    expect((await collected(env)).json).toEqual(frontDeskRing);
    expect(warnings.join('\n')).toContain('MENU is not set');
  });

  it('a bad MENU: the fallback, in both endpoints, naming the entry', async () => {
    const env = { ...menuEnv, MENU: '1=sales; 2=hangup' };
    expect((await collected(env)).json).toEqual(frontDeskRing);
    const twiml = await askAt(env, OPEN, `/gathered?attempt=0&${TWIML_FIRST_GET}`, form('Digits=1'));
    expect(twiml.json).toEqual(frontDeskRing);
    expect(warnings.join('\n')).toContain('entry \\"1=sales\\" at position 0');
  });

  it('front-desk with a bad MENU: the fallback (ring the front desk), and the log says why', async () => {
    const { json } = await askAt({ ...menuEnv, MENU: '1=sales' }, OPEN, `/front-desk?${KAZOO_FIRST_GET}`);
    expect(json).toEqual(frontDeskRing);
    expect(warnings.join('\n')).toContain('MENU: entry');
  });

  it('an invalid COLLECTED_URL: no menu that would lead nowhere, the fallback instead', async () => {
    const env = { ...menuEnv, COLLECTED_URL: 'collected.example.com' };
    expect((await askAt(env, OPEN, `/front-desk?${KAZOO_FIRST_GET}`)).json).toEqual(frontDeskRing);
    expect((await collected(env, OPEN, `attempt=0&Digits[menu]=5&${KAZOO_FIRST_GET}`)).json).toEqual(frontDeskRing);
    expect(warnings.join('\n')).toContain('COLLECTED_URL is invalid');
  });

  it('a collected URL on localhost (Kazoo rejects the whole flow): the fallback', async () => {
    const env = { ...menuEnv, PUBLIC_BASE_URL: 'http://127.0.0.1:8787', VOICEMAIL_BOX_ID: BOX_ID };
    expect((await askAt(env, OPEN, `/front-desk?${KAZOO_FIRST_GET}`)).json).toEqual(speak(SAY.apology, node('voicemail', { id: BOX_ID, action: 'compose' })));
    expect(warnings.join('\n')).toContain('which Kazoo refuses');
  });

  it('key 0 = front-desk with no FRONT_DESK_*: the fallback', async () => {
    const { FRONT_DESK_DEVICE_ID: _desk, ...env } = menuEnv;
    const { json } = await collected({ ...env, VOICEMAIL_BOX_ID: BOX_ID }, OPEN, `attempt=0&Digits[menu]=0&${KAZOO_FIRST_GET}`);
    expect(json).toEqual(speak(SAY.apology, node('voicemail', { id: BOX_ID, action: 'compose' })));
  });

  it('unknown hours (bad TIMEZONE): the fallback', async () => {
    expect((await collected({ ...menuEnv, TIMEZONE: 'Mars/Olympus' })).json).toEqual(frontDeskRing);
  });

  it('garbage input: broken escapes and an invalid JSON body still route or re-prompt', async () => {
    const garbage = await askAt(menuEnv, OPEN, '/collected?attempt=0&a=%zz&&[=&Digits[x][y]=1&Digits[menu]=3', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"Digits": ',
    });
    expect(garbage.json).toMatchObject({ children: { _: { module: 'resources' } } });
    const binary = await askAt(menuEnv, OPEN, '/gathered', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 255, 1]) });
    expect(binary.xml).toContain('<Gather ');
  });

  it('PIVOT_TOKEN: refused without it, answered with it', async () => {
    const env = { ...menuEnv, PIVOT_TOKEN: 'tok3n' };
    vi.setSystemTime(new Date(OPEN));
    expect((await ask(env, `/collected?attempt=0&Digits[menu]=1&${KAZOO_FIRST_GET}`)).status).toBe(401);
    expect((await ask(env, `/gathered?attempt=0&${TWIML_FIRST_GET}`, form('Digits=1'))).status).toBe(401);
    const { json } = await collected(env, OPEN, `token=tok3n&attempt=0&Digits[menu]=1&${KAZOO_FIRST_GET}`);
    expect(JSON.stringify(json)).toContain('"url":"https://pivot:tok3n@pivot.example.com/recordings?reason=unanswered&');
  });
});
