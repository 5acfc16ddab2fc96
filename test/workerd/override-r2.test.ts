// The override inside workerd with a real R2 binding: the recordings Worker's admin API writes
// settings/override.json to R2, and the front-desk and gathered Workers read it from the same bucket.
// Without the binding the switch is off, said once, and calls are answered as usual.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import frontDesk from '../../functions/front-desk/worker.js';
import gathered from '../../functions/gathered/worker.js';
import recordings from '../../functions/recordings/worker.js';
import { ADMIN } from './tokens.js';

const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HOUR = 3_600_000;
const base = { TIMEZONE: 'America/New_York', BUSINESS_HOURS: '24/7', FRONT_DESK_DEVICE_ID: DEVICE, ADMIN_TOKEN: ADMIN, PUBLIC_BASE_URL: 'https://desk.example.com' };
const KAZOO_GET = 'Account-ID=4b8c0d0e0f101112131415161718191a&Call-ID=abc123&Caller-ID-Number=%2B14155550100&From=%2B14155550100&To=5000';

type Entry = { fetch(request: Request, env: unknown, ctx: unknown): Response | Promise<Response> };
async function call(entry: Entry, url: string, init: RequestInit, environment: object): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await entry.fetch(new Request(url, init), environment, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
const at = (instant: number) => ({ 'x-simulate-at': new Date(instant).toISOString(), 'x-admin-token': ADMIN });
const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };

afterEach(async () => {
  await env.RECORDINGS.delete('settings/override.json');
  vi.restoreAllMocks();
});

describe('the override on Workers (R2)', () => {
  it('set through the recordings Worker, read by front-desk and gathered from the same bucket, ending on its own', async () => {
    // A fresh env object per scenario: each gets its own config and cache.
    const vars = { ...env, ...base };
    const until = new Date(Math.ceil((Date.now() + 2 * HOUR) / 60_000) * 60_000);
    const put = await call(recordings, 'https://rec.example.com/override', { method: 'PUT', headers: admin, body: JSON.stringify({ state: 'closed', until: until.toISOString() }) }, vars);
    expect(put.status).toBe(200);
    const stored = await env.RECORDINGS.get('settings/override.json');
    const { override } = (await put.json()) as { override: { setAt: string } };
    expect(await stored?.text()).toBe(JSON.stringify({ state: 'closed', until: until.toISOString(), setAt: override.setAt }));

    const closed = await call(frontDesk, `https://fd.example.com/?${KAZOO_GET}`, { headers: at(until.getTime() - HOUR) }, vars);
    // 24/7 hours: the switch's end is the reopening ("today at 4:37 PM", "tomorrow at …").
    expect(await closed.json()).toMatchObject({
      module: 'tts',
      data: { text: expect.stringMatching(/^Thank you for calling\. We are closed right now\. We reopen (today|tomorrow) at [0-9:]+ [AP]M\. Please leave a message\.$/) },
      children: { _: { module: 'record_call', data: { action: 'start', url: expect.stringMatching(/^https:\/\/desk\.example\.com\/recordings\?reason=closed&detail=closed\+until\+.*&recording=$/) } } },
    });
    const reopened = (await (await call(frontDesk, `https://fd.example.com/?${KAZOO_GET}`, { headers: at(until.getTime()) }, vars)).json()) as { children: { _: { module: string } } };
    expect(reopened.children._.module).toBe('device');

    const form = new URLSearchParams({ CallSid: 'abc123', From: '+14155550100', To: '5000', Digits: '1' });
    const menu = { ...vars, MENU: `1=device:${DEVICE}` };
    const twiml = await call(gathered, 'https://g.example.com/?attempt=0', { method: 'POST', body: form, headers: { ...at(until.getTime() - HOUR), 'content-type': 'application/x-www-form-urlencoded' } }, menu);
    // Our voicemail is Callflow JSON in both dialects (record_call uploads on every Kazoo).
    expect(twiml.headers.get('content-type')).toBe('application/json');
    expect(await twiml.json()).toMatchObject({ module: 'tts', children: { _: { module: 'record_call' } } });

    const listed = await call(recordings, 'https://rec.example.com/override', { headers: admin }, vars);
    // The recordings Worker does not ship the hours parser; a fixed time needs none.
    expect(await listed.json()).toMatchObject({ override: { state: 'closed', endsAt: until.toISOString() } });
    expect((await call(recordings, 'https://rec.example.com/override', { method: 'DELETE', headers: admin }, vars)).status).toBe(204);
    expect(await env.RECORDINGS.get('settings/override.json')).toBeNull();
  });

  it('without the R2 binding the switch is off: said once, and calls are answered as usual', async () => {
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    const { RECORDINGS: _bucket, ...unbound } = { ...env, ...base };
    for (let round = 0; round < 2; round++) {
      const answer = (await (await call(frontDesk, `https://fd.example.com/?${KAZOO_GET}`, { headers: at(Date.now()) }, unbound)).json()) as { children: { _: { module: string } } };
      expect(answer.children._.module).toBe('device');
    }
    expect(warnings.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['override_off']);
  });
});
