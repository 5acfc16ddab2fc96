// A day of one caller for the fault tests: the all-in-one app on a store the test may break, the
// call as Kazoo places it, and the upload exactly as Kazoo sends it afterwards (4.3 record_call).
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createAllInOneApp } from '../../functions/local/app.js';
import type { Platform } from '../../shared/http/index.js';
import type { SendOptions } from '../../shared/notify/index.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { createFsBlobStore } from '../../shared/storage/fs.js';
import { createRecordingStore } from '../../shared/storage/store.js';
import type { BlobStore } from '../../shared/storage/types.js';
import { recordCallUploadUrl } from '../support/kazoo-upload-url.js';
import { logLines } from '../support/log-capture.js';
import { BASE, KAZOO_FIRST_GET, pivotAnswer, recordCall, recordingUrlFor, speak } from '../support/pivot.js';

export const TOKEN = 'faults-pivot-token';
export const ADMIN = 'faults-admin-token';
export const CALL_ID = 'abc123@192.168.1.2';
const BASIC = `Basic ${Buffer.from(`pivot:${TOKEN}`).toString('base64')}`;
/** A real spoken message (2.2 s of mp3), as the doctor uploads it. */
export const MESSAGE = readFileSync(new URL('../../tools/doctor/test-message.mp3', import.meta.url));

/** What the caller hears when the business is closed: the greeting, then our own voicemail, exactly. */
export const CLOSED_FLOW = speak(
  'Thank you for calling. We are closed right now. Please leave a message.',
  recordCall(recordingUrlFor('reason=closed', `https://pivot:${TOKEN}@pivot.example.com/recordings`)),
);

export interface Day {
  readonly dir: string;
  /** The caller's call to front-desk: asserts the answer is CLOSED_FLOW. */
  call(): Promise<void>;
  /** Kazoo's upload of the message that call recorded (`audio`, default MESSAGE). */
  upload(audio?: Uint8Array): Promise<Response>;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Waits for the work left running after answers (the notices). */
  settled(): Promise<unknown>;
  /** Every file under the recordings folder (directories left out). */
  files(): Promise<string[]>;
  cleanup(): Promise<void>;
}

/** The app of a closed business (FORCE_STATE=closed, no voicemail box), its recordings on `blob` (default: the folder). */
export async function aDay(options: { readonly env?: Record<string, string>; readonly blob?: (dir: string) => BlobStore; readonly notify?: SendOptions } = {}): Promise<Day> {
  const dir = await mkdtemp(join(tmpdir(), 'pivot-edge-faults-'));
  const env = { TIMEZONE: 'America/New_York', FORCE_STATE: 'closed', PIVOT_TOKEN: TOKEN, ADMIN_TOKEN: ADMIN, PUBLIC_BASE_URL: BASE, RECORDINGS_DIR: dir, ...options.env };
  const background: Promise<unknown>[] = [];
  const platform: Platform = { ...nodePlatform(env), waitUntil: (_c, work) => void background.push(work) };
  const blob = (options.blob ?? createFsBlobStore)(dir);
  const app = createAllInOneApp(platform, { store: () => createRecordingStore(blob), ...(options.notify === undefined ? {} : { notify: options.notify }) });
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => app.request(`${BASE}${path}`, init);
  let handedOut: string | undefined;
  return {
    dir,
    request,
    async call() {
      const { json } = await pivotAnswer(await request(`/front-desk?${KAZOO_FIRST_GET}`, { headers: { authorization: BASIC } }));
      expect(json).toEqual(CLOSED_FLOW);
      handedOut = (json as { children: { _: { data: { url: string } } } }).children._.data.url;
    },
    upload(audio = MESSAGE) {
      if (handedOut === undefined) throw new Error('no call yet: nothing was recorded');
      const url = recordCallUploadUrl(handedOut, '4.3', { callId: CALL_ID, from: '+14155550100@sip.example.com', to: '5000@sip.example.com', callerIdName: 'Alice Smith', callerIdNumber: '+14155550100', durationMs: 2200 });
      // kz_att_http: URL userinfo becomes Basic auth; the path and query go out exactly as composed.
      return request(url.slice(url.indexOf('/', 'https://'.length)), { method: 'PUT', body: audio as Uint8Array<ArrayBuffer>, headers: { authorization: BASIC, 'content-type': 'audio/mpeg', 'content-length': String(audio.byteLength) } });
    },
    settled: () => Promise.all(background.splice(0)),
    files: async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1)).sort(),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The log lines written while `act` ran. */
export async function linesOf<T>(act: () => Promise<T>): Promise<{ readonly result: T; readonly lines: Record<string, unknown>[] }> {
  const before = logLines().length;
  const result = await act();
  return { result, lines: logLines().slice(before) };
}
