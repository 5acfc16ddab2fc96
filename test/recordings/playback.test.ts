// Signed playback links (checked against an independent HMAC from node:crypto), the heard mark,
// and the security headers on every kind of response of the recordings function.
import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LINK_SECONDS, signLink, verifyLink } from '../../functions/recordings/signed-link.js';
import { bytes } from '../storage/contract.js';
import { ADMIN_TOKEN, BASIC, BEARER, recordingsHarness } from './recordings-helpers.js';

const ID = '8204733072219-b43d72f786ab';
const OTHER = '8204733072218-000000000001';
const NOW = new Date('2026-12-24T21:32:00Z');

/** The link signature as the README describes it, computed without our code. */
function expectedSig(secret: string, id: string, expires: number): string {
  const key = createHmac('sha256', secret).update('pivot-edge recording link v1').digest();
  return createHmac('sha256', key).update(`${id}.${expires}`).digest('base64url');
}

describe('signed playback links', () => {
  it('are an HMAC of id and expiry under a key derived from the admin token, valid for 15 minutes', async () => {
    const { query, expiresAt } = await signLink('secret-a', ID, NOW);
    const expires = NOW.getTime() / 1000 + LINK_SECONDS;
    expect(expiresAt.toISOString()).toBe('2026-12-24T21:47:00.000Z');
    expect(query).toBe(`expires=${expires}&sig=${expectedSig('secret-a', ID, expires)}`);
    const sig = expectedSig('secret-a', ID, expires);
    expect(await verifyLink('secret-a', ID, String(expires), sig, NOW)).toBe(true);
    expect(await verifyLink('secret-a', ID, String(expires), sig, new Date('2026-12-24T21:47:00Z'))).toBe(true);
  });

  it('refuse expiry, another id, another token, a changed expiry or signature, and lifetimes we never hand out', async () => {
    const expires = NOW.getTime() / 1000 + LINK_SECONDS;
    const sig = expectedSig('secret-a', ID, expires);
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expect(await verifyLink('secret-a', ID, String(expires), sig, new Date('2026-12-24T21:47:01Z'))).toBe(false);
    expect(await verifyLink('secret-a', OTHER, String(expires), sig, NOW)).toBe(false);
    expect(await verifyLink('secret-b', ID, String(expires), sig, NOW)).toBe(false);
    expect(await verifyLink('secret-a', ID, String(expires - 1), sig, NOW)).toBe(false);
    expect(await verifyLink('secret-a', ID, String(expires), flipped, NOW)).toBe(false);
    expect(await verifyLink('secret-a', ID, String(expires), undefined, NOW)).toBe(false);
    expect(await verifyLink('secret-a', ID, undefined, sig, NOW)).toBe(false);
    expect(await verifyLink('secret-a', ID, `${expires}.0`, sig, NOW)).toBe(false);
    const aDay = expires + 86_400;
    expect(await verifyLink('secret-a', ID, String(aDay), expectedSig('secret-a', ID, aDay), NOW)).toBe(false);
  });
});

type Harness = Awaited<ReturnType<typeof recordingsHarness>>;
let harness: Harness;
afterEach(() => harness?.cleanup());

async function uploaded(): Promise<{ id: string; data: Uint8Array<ArrayBuffer> }> {
  const data = bytes(4000);
  const response = await harness.request('/recordings/call_recording_play-1.mp3?caller_id_name=Carol', {
    method: 'PUT', body: data, headers: { 'content-type': 'audio/mpeg', authorization: BASIC },
  });
  expect(response.status).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, data };
}

async function listed(): Promise<{ id: string; heard: boolean }[]> {
  return ((await (await harness.request('/recordings', { headers: { authorization: BEARER } })).json()) as { items: { id: string; heard: boolean }[] }).items;
}

describe('playback over a signed link', () => {
  it('streams ranges without the admin token, for that recording only, and nothing else', async () => {
    harness = await recordingsHarness();
    const { id, data } = await uploaded();
    const second = await uploaded();
    expect((await harness.request(`/recordings/${id}/link`)).status).toBe(401);
    const response = await harness.request(`/recordings/${id}/link`, { headers: { authorization: BEARER } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const link = (await response.json()) as { src: string; url: string; expiresAt: string };
    expect(link.src).toMatch(new RegExp(`^${id}\\?expires=\\d+&sig=[A-Za-z0-9_-]{43}$`));
    expect(link.url).toBe(`https://pivot.example.com/recordings/${link.src}`);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan((LINK_SECONDS - 60) * 1000);
    expect(link.src).not.toContain(ADMIN_TOKEN);

    const ranged = await harness.request(`/recordings/${link.src}`, { headers: { range: 'bytes=100-199' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 100-199/4000');
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(data.slice(100, 200));
    expect((await harness.request(`/recordings/${link.src}`, { method: 'HEAD' })).status).toBe(200);

    const query = link.src.slice(link.src.indexOf('?'));
    expect((await harness.request(`/recordings/${second.id}${query}`)).status).toBe(403);
    expect((await harness.request(`/recordings/${link.src.slice(0, -2)}xx`)).status).toBe(403);
    expect((await harness.request(`/recordings/${link.src}`, { method: 'DELETE' })).status).toBe(401);
    expect((await harness.request(`/recordings/${link.src}`, { method: 'PATCH', body: '{"heard":true}' })).status).toBe(401);
    expect((await harness.request(`/recordings/0000000000000-000000000000/link`, { headers: { authorization: BEARER } })).status).toBe(404);
  });

  it('is refused when management is disabled (no ADMIN_TOKEN)', async () => {
    harness = await recordingsHarness({ ADMIN_TOKEN: '' });
    const { id } = await uploaded();
    const expires = Math.floor(Date.now() / 1000) + 60;
    expect((await harness.request(`/recordings/${id}?expires=${expires}&sig=${expectedSig('', id, expires)}`)).status).toBe(403);
    expect((await harness.request(`/recordings/${id}/link`, { headers: { authorization: BEARER } })).status).toBe(403);
  });
});

describe('the heard mark', () => {
  it('is false on arrival, set and cleared with PATCH {"heard"}, and listed', async () => {
    harness = await recordingsHarness();
    const { id } = await uploaded();
    expect(await listed()).toMatchObject([{ id, heard: false }]);
    const patch = (body: string, auth = BEARER) => harness.request(`/recordings/${id}`, { method: 'PATCH', body, headers: { authorization: auth, 'content-type': 'application/json' } });
    const marked = await patch('{"heard":true}');
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ id, heard: true });
    expect(await listed()).toMatchObject([{ id, heard: true }]);
    expect(await (await patch('{"heard":false}')).json()).toEqual({ id, heard: false });
    expect(await listed()).toMatchObject([{ id, heard: false }]);
  });

  it('answers 400 to a body without a boolean, 404 to an unknown id and 401 without the token', async () => {
    harness = await recordingsHarness();
    const { id } = await uploaded();
    const patch = (path: string, body: string, auth = BEARER) => harness.request(path, { method: 'PATCH', body, headers: { authorization: auth } });
    for (const body of ['', 'heard', '{"heard":"yes"}', '{}', 'null', '[true]']) {
      const response = await patch(`/recordings/${id}`, body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^Expected a JSON body like \{"heard": true\}/);
    }
    expect((await patch('/recordings/0000000000000-000000000000', '{"heard":true}')).status).toBe(404);
    expect((await patch(`/recordings/${id}`, '{"heard":true}', 'Bearer wrong')).status).toBe(401);
    expect(await listed()).toMatchObject([{ id, heard: false }]);
  });
});

describe('security headers', () => {
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('give the page a CSP that allows exactly its inline style and script', async () => {
    harness = await recordingsHarness();
    const page = await harness.request('/recordings/inbox');
    const html = await page.text();
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(style).toContain('.message');
    expect(script).toContain('Authorization:"Bearer "');
    expect(page.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; media-src 'self'; connect-src 'self'; ` +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/ style=| on[a-z]+=/);
  });

  it('lock down every other answer: data, audio, errors, uploads and Pivot answers', async () => {
    harness = await recordingsHarness();
    const { id } = await uploaded();
    const form = new URLSearchParams({ CallSid: 'p1', RecordingUrl: 'https://pivot.example.com/recordings/call_recording_p1.mp3', RecordingDuration: '3' });
    const responses = {
      list: await harness.request('/recordings', { headers: { authorization: BEARER } }),
      audio: await harness.request(`/recordings/${id}`, { headers: { authorization: BEARER, range: 'bytes=0-9' } }),
      refused: await harness.request('/recordings'),
      missing: await harness.request('/recordings/0000000000000-000000000000', { headers: { authorization: BEARER } }),
      unrouted: await harness.request('/recordings/a/b/c'),
      upload: await harness.request('/recordings/call_recording_h2.mp3', { method: 'PUT', body: bytes(10), headers: { 'content-type': 'audio/mpeg', authorization: BASIC } }),
      pivot: await harness.request('/recordings', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: BASIC } }),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([name, response]) => [name, response.status]))).toEqual({
      list: 200, audio: 206, refused: 401, missing: 404, unrouted: 404, upload: 201, pivot: 200,
    });
    for (const [name, response] of Object.entries(responses)) {
      expect(response.headers.get('content-security-policy'), name).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), name).toBe('DENY');
      expect(response.headers.get('referrer-policy'), name).toBe('no-referrer');
    }
  });
});
