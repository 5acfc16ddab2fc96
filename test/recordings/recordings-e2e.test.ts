// End to end over real HTTP on the local server of `npm start`, receiving uploads exactly the way
// FreeSWITCH's http_put sends them.
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMp3, makeWav } from './audio-fixtures.js';
import { localRecordings } from './local-server.js';
import { ADMIN_TOKEN, PIVOT_TOKEN } from './recordings-helpers.js';

let origin: string;
let dir: string;
let server: Awaited<ReturnType<typeof localRecordings>>;

beforeAll(async () => {
  server = await localRecordings({ RETENTION_DAYS: '30', PUBLIC_BASE_URL: '' });
  ({ origin, dir } = server);
});
afterAll(() => server.close());

/** What mod_http_cache's http_put does: PUT, raw body, type by extension, credentials from URL userinfo. */
const freeswitchPut = (path: string, body: Uint8Array, contentType: string) =>
  server.send('PUT', path, body, { 'content-type': contentType, 'user-agent': 'freeswitch-http-cache/1.0', accept: '*/*' });

const admin = (path: string, init: RequestInit = {}) =>
  fetch(origin + path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${ADMIN_TOKEN}` } });

describe('recordings over real HTTP', () => {
  const mp3 = makeMp3(20);
  const wav = makeWav(3);

  it('stores both name shapes, lists, downloads byte-identical (also by Range) and deletes', async () => {
    const a = await freeswitchPut('/recordings/7e5f4ad4-0b1c-4c2d-9e3f-a1b2c3d4e5f6.mp3', mp3, 'audio/mpeg');
    expect(a.status).toBe(201);
    const query = 'from=%2B14155550100&to=5000&caller_id_name=Alice&caller_id_number=%2B14155550100&call_id=c-77';
    const b = await freeswitchPut(`/recordings/call_recording_c-77.wav?${query}`, wav, 'audio/x-wav');
    expect(b.status).toBe(201);
    const idA = (JSON.parse(a.body) as { id: string }).id;
    const idB = (JSON.parse(b.body) as { id: string }).id;

    const listed = (await (await admin('/recordings')).json()) as { items: { id: string; callId: string; bytes: number }[] };
    expect(listed.items.map((item) => [item.id, item.callId, item.bytes])).toEqual([
      [idB, 'c-77', wav.byteLength],
      [idA, '7e5f4ad4-0b1c-4c2d-9e3f-a1b2c3d4e5f6', mp3.byteLength],
    ]);

    for (const [id, data, type] of [[idA, mp3, 'audio/mpeg'], [idB, wav, 'audio/x-wav']] as const) {
      const whole = await admin(`/recordings/${id}`);
      expect(whole.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(data))).toBe(true);
    }
    const ranged = await admin(`/recordings/${idA}`, { headers: { range: 'bytes=4170-8339' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 4170-8339/${mp3.byteLength}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(Buffer.from(mp3.slice(4170, 8340)))).toBe(true);

    expect((await admin(`/recordings/${idA}`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin(`/recordings/${idB}`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin(`/recordings/${idA}`, { method: 'DELETE' })).status).toBe(404);
    expect(((await (await admin('/recordings')).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('leaves nothing visible when the connection is cut mid-upload', async () => {
    const url = new URL(origin);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          'PUT /recordings/cut.mp3 HTTP/1.1\r\nHost: x\r\nContent-Type: audio/mpeg\r\nContent-Length: 1000000\r\n' +
            `Authorization: Basic ${btoa(`pivot:${PIVOT_TOKEN}`)}\r\n\r\n`,
        );
        socket.write(Buffer.alloc(200_000, 1), () => {
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 100);
        });
      });
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(((await (await admin('/recordings')).json()) as { items: unknown[] }).items).toEqual([]);
    expect(await readdir(join(dir, 'audio')).catch(() => [])).toEqual([]);
    expect(await readdir(join(dir, '.tmp')).catch(() => [])).toEqual([]);
  });
});
