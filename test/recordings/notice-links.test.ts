// The link in a notice comes from configuration only. An upload that claims another host (Host,
// X-Forwarded-Host, X-Forwarded-Proto) must not put a phishing "Listen" link into the owner's
// Slack. And caller text reaches Slack inert, end to end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { localRecordings } from './local-server.js';
import { webhookReceiver } from './recordings-helpers.js';

const MP3 = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/audio/cbr-16k-8khz.mp3')));
const POISON = { 'content-type': 'audio/mpeg', host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', forwarded: 'host=evil.example' };

let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function noticeFor(env: Record<string, string>, target = '/recordings/call_recording_n-1.mp3'): Promise<{ id: string; body: Record<string, unknown> }> {
  const hook = await webhookReceiver();
  const server = await localRecordings({ NOTIFY_WEBHOOK_URL: hook.url, ...env });
  cleanup.push(() => hook.close(), () => server.close());
  const sent = await server.send('PUT', target, MP3, POISON);
  expect(sent.status).toBe(201);
  for (let wait = 0; hook.received.length === 0 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
  return { id: (JSON.parse(sent.body) as { id: string }).id, body: hook.received[0]?.body as Record<string, unknown> };
}

describe('notice links under host-header poisoning', () => {
  it('PUBLIC_BASE_URL set: the JSON notice links there, whatever the upload claims', async () => {
    const { id, body } = await noticeFor({});
    expect(body).toMatchObject({ url: `https://pivot.example.com/recordings/${id}`, inbox: `https://pivot.example.com/recordings/inbox#${id}` });
    expect(JSON.stringify(body)).not.toContain('evil');
  });

  it('RECORDINGS_URL set: the Slack link is on it', async () => {
    const { id, body } = await noticeFor({ PUBLIC_BASE_URL: '', RECORDINGS_URL: 'https://rec.example.net', NOTIFY_FORMAT: 'slack' });
    expect(String(body.text)).toMatch(new RegExp(`<https://rec\\.example\\.net/inbox#${id}\\|Listen>$`));
    expect(JSON.stringify(body)).not.toContain('evil');
  });

  it('neither set: no link at all rather than one built from the request', async () => {
    const json = await noticeFor({ PUBLIC_BASE_URL: '' });
    expect(json.body).toMatchObject({ url: null, inbox: null });
    const slack = await noticeFor({ PUBLIC_BASE_URL: '', NOTIFY_FORMAT: 'slack' });
    expect(String(slack.body.text)).toMatch(/Open your voicemail inbox to listen\.$/);
    expect(JSON.stringify([json.body, slack.body])).not.toMatch(/evil|https?:/);
  });
});

describe('Slack notice end to end', () => {
  it('a hostile Caller ID name and number from a real record_call upload arrive inert', async () => {
    const url = recordCallUploadUrl('https://h/recordings?reason=closed&detail=Christmas&recording=', 'master', {
      callId: 'slack-1@[::1]',
      callerIdName: '<!channel> *Bank*: verify at https://evil.example/login \u202Egnp.exe',
      callerIdNumber: '<tel:+15550000|+1 555 0000>',
      to: '5000@sip.example.com',
    });
    // http_uri:encode leaves non-ASCII bytes raw, and Node's HTTP parser refuses raw non-ASCII in a
    // request target before any code of ours runs; here they go %-encoded, as a proxy would send them.
    const target = url.slice(url.indexOf('/', 8)).replace(/[^\x00-\x7f]/gu, (char) => encodeURIComponent(char));
    const { id, body } = await noticeFor({ NOTIFY_FORMAT: 'slack' }, target);
    expect(body.text).toMatch(
      new RegExp(
        '^New voicemail from &lt;!channel&gt; ∗Bank∗∶ verify at https∶//evil\\[\\.\\]example/login gnp\\[\\.\\]exe \\(&lt;tel∶\\+15550000∣\\+1 555 0000&gt;\\): ' +
          `\\w{3} \\d{1,2} \\w{3}, \\d\\d:\\d\\d · 0:03 · Closed \\(Christmas\\) · to 5000\\. <https://pivot\\.example\\.com/recordings/inbox#${id}\\|Listen>$`,
      ),
    );
  });
});
