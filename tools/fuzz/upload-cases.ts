// Uploads to recordings as Kazoo and FreeSWITCH send them (pivot-protocol.md §5), and as they never would.
import { NO_BODY, utf8, type FuzzCase } from './case.js';
import type { Random } from './random.js';
import { baseHeaders, chunkSizes, FUZZ_MAX_UPLOAD, honestFraming, withoutToken, type Header } from './request-parts.js';
import { deepName, hostileQuery, hostileText } from './values.js';

const AUDIO = ['mp3', 'wav', 'ogg', 'opus', 'm4a', 'mp4', 'webm', 'flac', 'MP3'];
const NOT_AUDIO = ['txt', '', 'mp3x', 'exe', 'mp3/'];

const PREFIX = 'call_recording_';

/**
 * The README's rule for a file name's stem (decoded, extension off): the Call-ID is what follows
 * `call_recording_` (or the whole stem), and it must not be empty, hold a control character, or
 * run past 1024 characters.
 */
function takes(stem: string): boolean {
  const id = stem.startsWith(PREFIX) && stem.length > PREFIX.length ? stem.slice(PREFIX.length) : stem;
  return id !== '' && !/\p{Cc}/u.test(id) && [...id].length <= 1024;
}

/** A Call-ID as Kazoo has it (decoded): ordinary, odd, empty, with a control character, or long. */
function callId(random: Random): string {
  const roll = random.below(8);
  if (roll === 0) return '';
  if (roll === 1) return `abc${random.pick(['\u0000', '\u0007', '\n', '\u007f', '\u0085'])}def`;
  if (roll === 2) return 'x'.repeat(random.pick([1023, 1024, 1025, 3000]));
  return random.pick([
    `${random.between(1, 1e9)}-fuzz@192.168.1.2`,
    'abc@[2001:db8::9:1]',
    `!'()*{}"%$&+,;=?/..\\^\`|<>`,
    'é😀中文',
    `${hostileText(random, 6)}x`,
    'call_recording_nested',
  ]);
}

/** Percent-encodes as Kazoo does for record_call (every byte outside the unreserved set). */
const encoded = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** An audio-looking body: MP3 frames, a WAV header, an ID3 tag, or noise; `size` bytes in all. */
function audioBody(random: Random, size: number): Uint8Array {
  const body = random.bytes(size);
  const head = random.pick([
    [0xff, 0xfb, 0x50, 0xc4],
    [...utf8('RIFF'), 0xff, 0xff, 0xff, 0x7f, ...utf8('WAVEfmt '), 16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0, ...utf8('data'), 0xff, 0xff, 0xff, 0xff],
    [...utf8('ID3'), 4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f],
    [...utf8('Xing')],
    [],
  ]);
  body.set(head.slice(0, size));
  return body;
}

/** The URL record_call uploads to, 4.3 or master, with our query or without; and the name's stem as the server decodes it. */
function recordCallTarget(random: Random, id: string, ext: string): { readonly target: string; readonly stem: string } {
  const master = random.chance(0.5);
  const fields = `from=${encoded('+14155550100@sip.example.com')}&to=5000%40sip.example.com&caller_id_name=${encoded(random.pick(['Alice', 'Zoë', '<script>', '']))}` +
    `&caller_id_number=%2B14155550100&call_id=${encoded(id)}&cdr_id=&interaction_id=&account_id=4b8c0d0e0f101112131415161718191a`;
  const name = `call_recording_${encoded(id)}${master ? '..' : '.'}${ext}`;
  const ours = `reason=${random.pick(['closed', 'menu', 'x', ''])}&detail=${hostileText(random, 4)}&caller_name=Alice+Smith&caller_number=%2B14155550100`;
  const tail = master ? '' : `&owner_id=&start=63900000000&duration_ms=${random.pick(['4200', '-1', 'x', ''])}&recording_id=202612-0123456789abcdef0123456789abcdef`;
  const target = random.chance(0.5) ? `/recordings?${ours}&recording=${name}&${fields}${tail}` : `/recordings/${name}?${fields}${tail}`;
  // Master writes the extension's dot twice, so its stem keeps one.
  return { target, stem: `${PREFIX}${id}${master ? '.' : ''}` };
}

/** A case for recordings' upload routes; `index` only names it. */
export function uploadCase(random: Random, index: number): FuzzCase {
  const headers = baseHeaders(random);
  const id = callId(random);
  const picked = random.chance(0.9) ? random.pick(AUDIO) : random.pick(NOT_AUDIO);
  // `/recordings/.` is the root once the URL is read (a dot segment), which is another case.
  const ext = id === '' && picked === '' ? 'txt' : picked;
  // What the server answers a body it takes, for a name with this stem: stored, or 400 for the name.
  const answer = (stem: string): number => (takes(stem) && AUDIO.includes(ext) ? 201 : 400);
  const named = answer(id) === 201;
  const status = answer(id);
  const body = audioBody(random, random.between(1, 3000));
  const type = random.pick(['audio/mpeg', 'audio/x-wav', 'application/octet-stream', undefined, 'AUDIO/MPEG', 'audio/mpeg; codecs=mp3']);
  const typed = (list: Header[], contentType = type): Header[] => (contentType === undefined ? list : [...list, ['Content-Type', contentType]]);
  const put = (kind: string, target: string, extra: Partial<FuzzCase> = {}): FuzzCase => ({
    endpoint: 'uploads',
    index,
    kind,
    method: random.pick(['PUT', 'PUT', 'POST']),
    target,
    headers: typed(headers),
    body,
    framing: honestFraming(random, body),
    expect: [status],
    inProcess: [status],
    ...extra,
  });
  const pathName = `/recordings/${encoded(id)}.${ext}`;

  switch (random.below(16)) {
    case 0:
    case 1: {
      const { target, stem } = recordCallTarget(random, id, ext);
      return put('record_call as Kazoo 4.3 and master send it', target, { expect: [answer(stem)], inProcess: [answer(stem)] });
    }
    case 2:
      return put('record_caller (the Call-ID in the path)', pathName);
    case 3: {
      const stem = `${PREFIX}${id}`;
      return put('TwiML <Record> (the name glued onto the query)', `/recordings?reason=closed/${PREFIX}${encoded(id)}.${ext}`, { expect: [answer(stem)], inProcess: [answer(stem)] });
    }
    case 4: {
      // Escapes that are not: kept as written (none decodes to a control character).
      const bad = random.pick(['%zz', '%', '%G1', '%E9', '%C0%AF', '%ED%A0%80', '%2', '%%']);
      const short = id.slice(0, 100);
      return put('invalid percent-encoding in the name and the query', `/recordings/${encoded(short)}${bad}.${ext}?${hostileQuery(random, 8)}`, {
        expect: [answer(`${short}${bad}`)],
        inProcess: [answer(`${short}${bad}`)],
      });
    }
    case 5:
      return multipart(random, index, headers, body);
    case 6:
      return put('an empty body', pathName, { body: NO_BODY, framing: { kind: 'length' }, expect: [400], inProcess: [400] });
    case 7: {
      if (random.chance(0.5)) {
        return put('larger than MAX_RECORDING_MB, said by Content-Length (the rest never sent)', pathName, {
          framing: { kind: 'long-length-then-wait', declared: FUZZ_MAX_UPLOAD + random.between(1, 1e6) },
          expect: named ? [413] : [400],
          inProcess: 'skip',
        });
      }
      const big = audioBody(random, FUZZ_MAX_UPLOAD + random.between(1, 200_000));
      return put('larger than MAX_RECORDING_MB, chunked', pathName, { body: big, framing: { kind: 'chunked', sizes: chunkSizes(random, big.byteLength) }, expect: named ? [413] : [400], inProcess: named ? [413] : [400] });
    }
    case 8: {
      const wrong = random.pick(['text/plain', 'application/json', 'image/png', 'audio/', 'audio/mp3 extra', 'multipart/mixed', 'application/x-www-form-urlencoded']);
      // POST to the root with a form or JSON type is the <Record action> request, not an upload.
      return put(`wrong content type (${wrong})`, pathName, { method: 'PUT', headers: typed(headers, wrong), expect: named ? [415] : [400], inProcess: named ? [415] : [400] });
    }
    case 9: {
      const method = random.pick(['DELETE', 'PATCH', 'GET', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND']);
      // The management routes (Bearer ADMIN_TOKEN) share these paths: without it, 401.
      const expected = ['OPTIONS', 'TRACE', 'PROPFIND'].includes(method) ? 405 : 401;
      return put(`wrong method (${method})`, `/recordings/${encoded(id || 'x')}.mp3`, { method, body: NO_BODY, framing: { kind: 'length' }, expect: [expected], inProcess: method === 'TRACE' ? 'skip' : [expected] });
    }
    case 10:
      return put('no token, a wrong one, or no credential at all', pathName, { headers: typed(withoutToken(random, headers)), expect: [401], inProcess: [401] });
    case 11: {
      const declared = random.between(1, body.byteLength);
      return put('lying Content-Length (shorter than the body)', pathName, { framing: { kind: 'short-length', declared }, inProcess: 'skip' });
    }
    case 12:
      return put('lying Content-Length (longer than the body), then the client gives up', pathName, {
        framing: { kind: 'long-length-then-close', declared: body.byteLength + random.between(1, 5000) },
        expect: [400],
        inProcess: 'skip',
      });
    case 13:
      return put('lying Content-Length (longer than the body), then the client stalls', pathName, {
        framing: { kind: 'long-length-then-wait', declared: body.byteLength + random.between(1, 5000) },
        expect: named ? [408] : [400],
        inProcess: 'skip',
      });
    case 14: {
      const roll = random.below(3);
      if (roll === 0) return put('a 100 KB value (query: past Node\'s 16 KB head)', `${pathName}?caller_id_name=${'x'.repeat(100 * 1024)}`, { expect: [431] });
      if (roll === 1) return put('10,000 parameters (query: past Node\'s 16 KB head)', `${pathName}?${Array.from({ length: 10_000 }, (_, n) => `p${n}=${n}`).join('&')}`, { expect: [431] });
      return put('nesting 60 deep (query)', `${pathName}?${deepName(60)}=1&reason=closed`);
    }
    default: {
      const body2 = audioBody(random, random.between(1, 3000));
      return put('a chunked body', pathName, { body: body2, framing: { kind: 'chunked', sizes: chunkSizes(random, body2.byteLength) } });
    }
  }
}

function multipart(random: Random, index: number, headers: Header[], audio: Uint8Array): FuzzCase {
  const boundary = random.pick(['----pivot', 'B', `x${'y'.repeat(69)}`]);
  const roll = random.below(6);
  const partType = roll === 1 ? 'text/plain' : random.pick(['audio/mpeg', 'application/octet-stream']);
  const field = roll === 2 ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"caller_id_name":"Alice"}\r\n`;
  const file = roll === 2
    ? ''
    : `--${boundary}\r\nContent-Disposition: form-data; name="call_recording_m1.mp3"; filename="call_recording_m${index}.mp3"\r\nContent-Type: ${partType}\r\n\r\n`;
  const head = utf8(`${field}${file}`);
  const tail = utf8(roll === 3 ? '' : `\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.byteLength + audio.byteLength + tail.byteLength);
  body.set(head);
  body.set(audio, head.byteLength);
  body.set(tail, head.byteLength + audio.byteLength);
  const contentType = roll === 4 ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
  // 0, 5: a file part (201); 1: not audio (415); 2: no file part, 3: cut short, 4: no boundary (400).
  const expected = roll === 1 ? 415 : roll === 2 || roll === 3 || roll === 4 ? 400 : 201;
  const kind = ['multipart/form-data', 'multipart: a file part that is not audio', 'multipart: no file part', 'multipart: cut short', 'multipart: no boundary', 'multipart/form-data'][roll] ?? 'multipart';
  return {
    endpoint: 'uploads',
    index,
    kind,
    method: random.pick(['PUT', 'POST']),
    target: '/recordings',
    headers: [...headers, ['Content-Type', contentType]],
    body,
    framing: honestFraming(random, body),
    expect: [expected],
    inProcess: [expected],
  };
}
