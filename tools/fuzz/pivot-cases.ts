// Requests to the Pivot endpoints (front-desk, collected, gathered) and to recordings' `<Record action>`
// follow-up: everything Kazoo sends, and everything it never would.
import { NO_BODY, utf8, type FuzzCase, type FuzzEndpoint } from './case.js';
import type { Random } from './random.js';
import { baseHeaders, chunkSizes, form, honestFraming, simulatedTime, withoutToken, type Header } from './request-parts.js';
import { deepJson, deepName, hostileJsonObject, hostileQuery, hostileText, kazooQuery, NOT_OBJECTS } from './values.js';

type PivotEndpoint = Exclude<FuzzEndpoint, 'uploads'>;

const PATHS: Readonly<Record<PivotEndpoint, string>> = {
  'front-desk': '/front-desk',
  collected: '/collected',
  gathered: '/gathered',
  'record-action': '/recordings',
};

/** What our own flows add: the menu's state, the key pressed, the recording the action is about. */
function callState(random: Random, endpoint: PivotEndpoint): string {
  const key = random.pick(['1', '2', '9', '0', '7', '', '#', '1#', '12', '*', '%F0%9F%98%80']);
  if (endpoint === 'collected') return `attempt=${random.pick(['0', '1', '2', '9', '-1', 'x', ''])}&Digits[menu]=${key}`;
  if (endpoint === 'gathered') return `attempt=${random.pick(['0', '1', '5', 'zz'])}&Digits=${key}`;
  if (endpoint === 'record-action') {
    const name = random.pick(['call_recording_abc123%40192.168.1.2.mp3', 'abc.mp3', 'x', hostileText(random, 6)]);
    return `reason=closed&RecordingUrl=https%3A%2F%2Fpivot.example.com%2Frecordings%2F${name}&RecordingDuration=${random.pick(['12', '0', '-3', '1e9', 'x'])}`;
  }
  return random.chance(0.2) ? `step=${random.pick(['after-dial', 'x'])}&DialCallStatus=${random.pick(['no-answer', 'completed', 'busy', 'x'])}` : '';
}

const joined = (...parts: string[]): string => parts.filter((part) => part !== '').join('&');

/** A case for one Pivot endpoint; `index` only names it. */
export function pivotCase(random: Random, endpoint: PivotEndpoint, index: number): FuzzCase {
  const path = PATHS[endpoint];
  const dialect = endpoint === 'gathered' || random.chance(0.4) ? 'twiml' : 'kazoo';
  const query = (extra = '') => kazooQuery(random, dialect, joined(callState(random, endpoint), extra));
  const headers = baseHeaders(random);
  if (random.chance(0.3)) headers.push(...simulatedTime(random));
  const base = { endpoint, index, headers, body: NO_BODY, framing: { kind: 'length' } as const, expect: [200], inProcess: [200] as readonly number[] | 'skip' };
  const get = (kind: string, target: string, extra: Partial<FuzzCase> = {}): FuzzCase => ({ ...base, kind, method: 'GET', target, ...extra });
  const post = (kind: string, target: string, body: Uint8Array, type: string | undefined, extra: Partial<FuzzCase> = {}): FuzzCase => ({
    ...base,
    kind,
    method: 'POST',
    target,
    headers: type === undefined ? headers : [...headers, ['Content-Type', type]],
    body,
    framing: honestFraming(random, body),
    ...extra,
  });
  const formType = 'application/x-www-form-urlencoded';

  switch (random.below(20)) {
    case 0:
    case 1:
      return get('as Kazoo sends it (GET)', `${path}?${query()}`);
    case 2:
      return post('as Kazoo sends it (POST form)', `${path}`, form(query()), formType);
    case 3:
      return post('as Kazoo sends it (POST JSON)', `${path}?${callState(random, endpoint)}`, utf8(JSON.stringify(Object.fromEntries(new URLSearchParams(query())))), 'application/json');
    case 4:
      return get('random names and values, invalid percent-encoding (query)', `${path}?${query(hostileQuery(random, random.between(1, 40)))}`);
    case 5:
      return post('random names and values, invalid percent-encoding (form body)', `${path}?${hostileQuery(random, 5)}`, form(query(hostileQuery(random, random.between(1, 60)))), random.pick([formType, `${formType}; charset=utf-8`]));
    case 6: {
      const big = 'x'.repeat(100 * 1024);
      if (random.chance(0.3)) return get('a 100 KB value (query: past Node\'s 16 KB head)', `${path}?${query(`Caller-ID-Name=${big}`)}`, { expect: [431] });
      return random.chance(0.5)
        ? post('a 100 KB value (form body)', path, form(query(`Caller-ID-Name=${big}`)), formType)
        : post('a 100 KB value (JSON body)', path, utf8(JSON.stringify({ 'Call-ID': 'c1', 'Caller-ID-Name': big })), 'application/json');
    }
    case 7: {
      const many = Array.from({ length: 10_000 }, (_, n) => `p${n}=${n}`).join('&');
      if (random.chance(0.2)) return get('10,000 parameters (query: past Node\'s 16 KB head)', `${path}?${query(many)}`, { expect: [431] });
      return post('10,000 parameters (form body)', path, form(query(many)), formType);
    }
    case 8:
      if (random.chance(0.5)) return get('nesting 60 deep (query)', `${path}?${query(`${deepName(60)}=1&Digits${'[x]'.repeat(60)}=1`)}`);
      return post('nesting 60 deep (JSON body)', path, utf8(`{"Call-ID":"c1","a":${deepJson(60, random.chance(0.5))}}`), 'application/json');
    case 9: {
      const type = random.pick(['application/json', 'application/vnd.kazoo+json', undefined]);
      const body = utf8(random.pick(NOT_OBJECTS));
      // On recordings' root only a form or JSON is the follow-up; anything else is an upload: empty, or naming no file, or not audio.
      const status = endpoint !== 'record-action' || type === 'application/json' ? 200 : type === undefined || body.byteLength === 0 ? 400 : 415;
      return post('JSON that is not an object', `${path}?${random.chance(0.5) ? query() : ''}`, body, type, { expect: [status], inProcess: [status] });
    }
    case 10:
      return post('a JSON object of hostile values', path, utf8(hostileJsonObject(random)), 'application/json');
    case 11: {
      const body = form(query());
      const declared = random.between(0, Math.max(0, body.byteLength - 1));
      return post('lying Content-Length (shorter than the body)', path, body, formType, { framing: { kind: 'short-length', declared }, inProcess: 'skip' });
    }
    case 12: {
      const body = form(query());
      return post('lying Content-Length (longer than the body), then the client gives up', path, body, formType, {
        framing: { kind: 'long-length-then-close', declared: body.byteLength + random.between(1, 5000) },
        expect: [400],
        inProcess: 'skip',
      });
    }
    case 13: {
      const body = form(query(hostileQuery(random, 10)));
      if (random.chance(0.15)) return post('chunked framing that is not', path, body, formType, { framing: { kind: 'bad-chunks' }, expect: [400], inProcess: 'skip' });
      return post('a chunked body', path, body, formType, { framing: { kind: 'chunked', sizes: chunkSizes(random, body.byteLength) } });
    }
    case 14:
      return wrongMethod(random, endpoint, { ...base, headers }, `${path}?${query()}`);
    case 15:
      return wrongContentType(random, endpoint, { ...base, headers }, path, query());
    case 16:
      return get('no token, a wrong one, or no credential at all', `${path}?${query()}`, { headers: withoutToken(random, headers), expect: [401], inProcess: [401] });
    case 17:
      return pathVariant(random, endpoint, { ...base, headers }, query());
    case 18:
      return hostileHeaders(random, { ...base, headers }, `${path}?${query()}`);
    default:
      return notHttp(random, { ...base, headers }, path, query());
  }
}

type Base = Omit<FuzzCase, 'kind' | 'method' | 'target'>;

function wrongMethod(random: Random, endpoint: PivotEndpoint, base: Base, target: string): FuzzCase {
  const method = random.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'PROPFIND', 'PURGE', 'CONNECT', 'FOO', 'get']);
  const kind = `wrong method (${method})`;
  // Node's parser knows only the registered methods, in upper case; CONNECT asks for a proxy.
  if (method === 'FOO' || method === 'get') return { ...base, kind, method, target, expect: [400], inProcess: 'skip' };
  if (method === 'CONNECT') return { ...base, kind, method, target: 'pivot.example.com:443', expect: [405], inProcess: 'skip' };
  // The Pivot endpoints answer whatever the method (Kazoo sends GET or POST); recordings' root says which it takes.
  if (endpoint !== 'record-action') return { ...base, kind, method, target, inProcess: method === 'TRACE' ? 'skip' : [200] };
  const expected = method === 'HEAD' ? [200] : method === 'PUT' ? [400] : [405];
  return { ...base, kind, method, target, expect: expected, inProcess: method === 'TRACE' ? 'skip' : expected };
}

function wrongContentType(random: Random, endpoint: PivotEndpoint, base: Base, path: string, query: string): FuzzCase {
  const [type, body] = random.pick<[string | undefined, Uint8Array]>([
    ['text/plain', form(query)],
    ['application/xml', utf8('<Response><Say>hi</Say></Response>')],
    ['multipart/form-data; boundary=xyz', utf8(`--xyz\r\nContent-Disposition: form-data; name="Call-ID"\r\n\r\nc1\r\n--xyz--\r\n`)],
    ['image/png', random.bytes(random.between(1, 2000))],
    [undefined, form(query)],
    ['application/json; charset=latin1', form(query)],
    ['%%%;;;', form(query)],
  ]);
  const kind = `wrong content type (${type ?? 'none'})`;
  const headers: Header[] = type === undefined ? [...base.headers] : [...base.headers, ['Content-Type', type]];
  if (endpoint !== 'record-action') return { ...base, kind, method: 'POST', target: `${path}?${query}`, headers, body, framing: { kind: 'length' } };
  // On recordings' root a POST that is neither a form nor JSON is an upload, and this one names no file.
  const uploadType = type === undefined || type.startsWith('multipart/') ? 400 : type.startsWith('application/json') ? 200 : 415;
  return { ...base, kind, method: 'POST', target: `${path}?${query}`, headers, body, framing: { kind: 'length' }, expect: [uploadType], inProcess: [uploadType] };
}

function pathVariant(random: Random, endpoint: PivotEndpoint, base: Base, query: string): FuzzCase {
  const path = PATHS[endpoint];
  const reached = [`${path}/`, `/${path}`, path.toUpperCase(), `${path}//`, `/${path}/`];
  const elsewhere = [`${path}/extra`, `${path}x`, `${path};x`, `${path}%2F`, '/nowhere', `${path}/..%2F..%2Fetc%2Fpasswd`];
  if (random.chance(0.7)) {
    const target = random.pick(reached);
    return { ...base, kind: 'the path written another way', method: 'GET', target: `${target}?${query}` };
  }
  const target = random.pick(elsewhere);
  // Under recordings, one segment more is a recording's id: the admin's (401 without the admin token).
  const status = endpoint === 'record-action' && /^\/recordings\/[^/]+$/.test(target) ? 401 : 404;
  return { ...base, kind: 'a path that is not an endpoint', method: 'GET', target: `${target}?${query}`, expect: [status], inProcess: [status] };
}

function hostileHeaders(random: Random, base: Base, target: string): FuzzCase {
  const headers: Header[] = [...base.headers];
  const roll = random.below(6);
  if (roll === 0) headers.push(['X-Forwarded-Host', random.pick(['evil.example', 'a b', '', 'x'.repeat(300), 'h:99999'])], ['X-Forwarded-Proto', random.pick(['ftp', 'https', 'HTTPS, http'])]);
  if (roll === 1) headers.push(['X-Fuzz', 'v'.repeat(random.between(1, 8000))]);
  if (roll === 2) for (let n = 0; n < 150; n += 1) headers.push([`X-Many-${n}`, String(n)]);
  if (roll === 3) headers.push(['Content-Type', 'application/json'], ['Content-Encoding', 'gzip'], ['Accept', '*/*;q=x']);
  if (roll === 4) headers.push(['Range', `bytes=${'0-1,'.repeat(2000)}`], ['Cookie', 'a=b; '.repeat(200)]);
  if (roll === 5) headers.push(['Expect', random.pick(['100-continue', 'teapot'])]);
  const expectation = roll === 5 && headers.some(([name, value]) => name === 'Expect' && value === 'teapot');
  return { ...base, kind: 'hostile headers', method: 'GET', target, headers, expect: expectation ? [417] : [200], inProcess: expectation ? [200] : [200] };
}

function notHttp(random: Random, base: Base, path: string, query: string): FuzzCase {
  const roll = random.below(4);
  const raw = random.pick([' ', '\u0001', '\u007f', 'é', '\u0000', '\t']);
  if (roll === 0) return { ...base, kind: 'not HTTP (a raw byte in the request target)', method: 'GET', target: `${path}?${query}&a=${raw}x&b=1`, expect: [400], inProcess: 'skip' };
  if (roll === 1) return { ...base, kind: 'not HTTP (a header name with a space)', method: 'GET', target: `${path}?${query}`, headers: [...base.headers, ['X Bad', 'v']], expect: [400], inProcess: 'skip' };
  if (roll === 2) return { ...base, kind: 'not HTTP (a control character in a header value)', method: 'GET', target: `${path}?${query}`, headers: [...base.headers, ['X-Bad', 'a\u0001b']], expect: [400], inProcess: 'skip' };
  return { ...base, kind: 'no Host header', method: 'GET', target: `${path}?${query}`, headers: base.headers.filter(([name]) => name !== 'Host') };
}
