// A PIVOT_TOKEN with URL-reserved characters rides in the URLs we hand Kazoo percent-encoded
// (URL userinfo), and Kazoo's httpc sends that userinfo in Basic auth as written, without decoding
// it. The upload Kazoo makes to our record_call url must still be accepted, or the message is lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ask, BASE, KAZOO_FIRST_GET } from '../support/pivot.js';

const TOKEN = 'Ab1;=@:/?#&+ %token-with-reserved-chars';

it('an upload to the handed-out record_call url, authenticated as httpc does, is stored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-token-'));
  try {
    const env = { TIMEZONE: 'UTC', BUSINESS_HOURS: 'off', PUBLIC_BASE_URL: BASE, PIVOT_TOKEN: TOKEN, RECORDINGS_DIR: dir };
    const answer = await ask(env, `/front-desk?token=${encodeURIComponent(TOKEN)}&${KAZOO_FIRST_GET}`);
    const flow = (await answer.json()) as { children: { _: { module: string; data: { url: string } } } };
    expect(flow.children._.module).toBe('record_call');
    const handedOut = flow.children._.data.url;
    // httpc: the userinfo between "//" and "@", exactly as written, base64-encoded for Basic.
    const userinfo = /^https:\/\/([^@/]*)@/.exec(handedOut)?.[1] ?? '';
    expect(userinfo).not.toContain(TOKEN);
    const upload = `${handedOut.replace(`${userinfo}@`, '')}call_recording_abc123.mp3`;
    const response = await ask(env, upload.slice(BASE.length), {
      method: 'PUT',
      body: new Uint8Array([0xff, 0xfb, 0x90, 0x44]),
      headers: { 'content-type': 'audio/mpeg', authorization: `Basic ${btoa(userinfo)}` },
    });
    expect(response.status).toBe(201);
    // A wrong token in the same form is still refused.
    const wrong = await ask(env, upload.slice(BASE.length), {
      method: 'PUT',
      body: new Uint8Array([0xff, 0xfb, 0x90, 0x44]),
      headers: { 'content-type': 'audio/mpeg', authorization: `Basic ${btoa(userinfo.replace('token', 'tokeN'))}` },
    });
    expect(wrong.status).toBe(401);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
