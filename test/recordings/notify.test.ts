import { describe, expect, it } from 'vitest';
import { noticeBody, postJson } from '../../shared/notify/index.js';
import type { RecordingMeta } from '../../shared/storage/types.js';

const meta: RecordingMeta = {
  id: '8204733072219-b43d72f786ab', callId: 'c1', name: 'c1.mp3', contentType: 'audio/mpeg', bytes: 10,
  receivedAt: '2026-11-21T13:00:00.000Z', callerIdNumber: '+1555', callerIdName: '<Eve & co>', durationSeconds: 75,
};
/** `meta` without some fields. */
function without(...keys: (keyof RecordingMeta)[]): RecordingMeta {
  const copy: Record<string, unknown> = { ...meta };
  for (const key of keys) delete copy[key];
  return copy as unknown as RecordingMeta;
}
const links = { url: 'https://h/recordings/x', inbox: 'https://h/recordings/inbox#x' };

describe('postJson', () => {
  it('retries 5xx and network errors with doubling delays, a bounded number of times', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await postJson('https://hook', {}, {
      attempts: 4,
      baseDelayMs: 100,
      sleep: async (ms) => void delays.push(ms),
      fetch: async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        return new Response(null, { status: 503 });
      },
    });
    expect(result).toEqual({ ok: false, attempts: 4, error: 'HTTP 503' });
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it('does not retry a 4xx and reports success', async () => {
    let calls = 0;
    const fetch404 = async () => (calls++, new Response(null, { status: 404 }));
    // It says how many attempts were made (one), not how many were allowed.
    expect(await postJson('https://hook', {}, { fetch: fetch404, sleep: async () => undefined })).toEqual({ ok: false, attempts: 1, error: 'HTTP 404' });
    expect(calls).toBe(1);
    expect(await postJson('https://hook', {}, { fetch: async () => new Response('ok') })).toEqual({ ok: true, attempts: 1 });
  });
});

describe('noticeBody', () => {
  it('gives caller, local time, length, reason and link in Slack, escaping caller text', () => {
    const body = noticeBody('slack', { ...meta, reasonKind: 'closed', reasonDetail: 'Christmas' }, links, 'America/New_York');
    expect(body).toEqual({ text: 'New voicemail from &lt;Eve &amp; co&gt; (+1555): Sat 21 Nov, 08:00 · 1:15 · Closed (Christmas). <https://h/recordings/inbox#x|Listen>' });
  });

  it('says the time in UTC without TIMEZONE, and sends no link without a configured URL', () => {
    const body = noticeBody('slack', without('callerIdName'), undefined) as { text: string };
    expect(body.text).toBe('New voicemail from +1555: Sat 21 Nov, 13:00 UTC · 1:15. Open your voicemail inbox to listen.');
    expect(noticeBody('json', meta, undefined)).toMatchObject({ url: null, inbox: null, receivedLocal: null, timeZone: null });
  });

  it.each([
    ['2026-03-08T06:59:00Z', 'America/New_York', 'Sun 8 Mar, 01:59'],
    ['2026-03-08T07:00:00Z', 'America/New_York', 'Sun 8 Mar, 03:00'],
    ['2026-11-01T05:30:00Z', 'America/New_York', 'Sun 1 Nov, 01:30'],
    ['2026-11-01T06:30:00Z', 'America/New_York', 'Sun 1 Nov, 01:30'],
    ['2026-12-24T21:32:00Z', 'America/New_York', 'Thu 24 Dec, 16:32'],
    ['2026-03-29T01:00:00Z', 'Europe/London', 'Sun 29 Mar, 02:00'],
    ['2026-12-31T23:30:00Z', 'Pacific/Kiritimati', 'Fri 1 Jan, 13:30'],
  ])('%s in %s reads %s (DST changes included)', (receivedAt, zone, expected) => {
    expect((noticeBody('json', { ...meta, receivedAt }, links, zone) as { receivedLocal: string }).receivedLocal).toBe(expected);
  });
});

describe('Slack neutralisation of caller-controlled text', () => {
  // What a caller can put in their Caller ID name or number, as it arrives from the carrier.
  const attacks: [string, string][] = [
    ['<!channel> *URGENT* call back', '&lt;!channel&gt; ∗URGENT∗ call back'],
    ['<@U024BE7LH> <#C123|general> <!here>', '&lt;[@]U024BE7LH&gt; &lt;#C123∣general&gt; &lt;!here&gt;'],
    ['<https://evil.example/login|Your bank>', '&lt;https∶//evil[.]example/login∣Your bank&gt;'],
    ['Verify at https://evil.example/x?a=1', 'Verify at https∶//evil[.]example/x?a=1'],
    ['www.evil.example or paypal.com.evil.example', 'www[.]evil[.]example or paypal[.]com[.]evil[.]example'],
    ['mail support@evil.example', 'mail support[@]evil[.]example'],
    ['_it_ ~strike~ `code` ```block```', '＿it＿ ∼strike∼ ˋcodeˋ ˋˋˋblockˋˋˋ'],
    [':rotating_light: > quote', '∶rotating＿light∶ &gt; quote'],
    ['\u202eexe.3pm\u202c Invoice', 'exe[.]3pm Invoice'],
    ['pay\u200bpal\u200d\u2060.com \ufeffBank\u2066', 'paypal[.]com Bank'],
    ['Line1\nLine2\r\n\u2028Line3\u0007', 'Line1 Line2 Line3'],
    ['J. Smith & Sons', 'J. Smith &amp; Sons'],
  ];
  it.each(attacks)('%j is made inert', (name, expected) => {
    const text = (noticeBody('slack', { ...without('callerIdNumber'), callerIdName: name }, links) as { text: string }).text;
    expect(text).toBe(`New voicemail from ${expected}: Sat 21 Nov, 13:00 UTC · 1:15. <https://h/recordings/inbox#x|Listen>`);
  });

  it('leaves only the one link of ours in the whole payload', () => {
    const hostile = {
      ...meta,
      callerIdName: attacks.map(([name]) => name).join(' '),
      callerIdNumber: '+1 <tel:+15550000|555>',
      reasonKind: 'closed' as const,
      reasonDetail: '*Xmas* <!everyone> http://x.example',
      dialled: '<@U1>',
    };
    const text = (noticeBody('slack', hostile, links) as { text: string }).text;
    expect(text.match(/</g)).toHaveLength(1);
    expect(text.slice(0, text.lastIndexOf('<'))).not.toMatch(/[*_~`\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|:\/\/|\b\w+\.(com|example)\b/);
    expect(text.endsWith('<https://h/recordings/inbox#x|Listen>')).toBe(true);
  });
});
