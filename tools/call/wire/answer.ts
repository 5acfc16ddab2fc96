import { readTwiml } from '../../kazoo/twiml.js';
import type { XmlElement } from '../../kazoo/xml.js';

/**
 * What Kazoo makes of an HTTP answer (pivot-protocol.md §1.3, §2):
 * - `callflow` / `twiml`: a flow to run;
 * - `failed`: Kazoo publishes pivot.failed and the pivot node's `_` child runs;
 * - `stop`: Kazoo had taken the call (or found no body) and hangs up on the caller.
 */
export type KazooReading =
  | { readonly kind: 'callflow'; readonly action: unknown }
  | { readonly kind: 'twiml'; readonly root: XmlElement }
  | { readonly kind: 'failed'; readonly reason: string; readonly answer?: 'unrecognized' }
  | { readonly kind: 'stop'; readonly reason: string; readonly answer: 'empty' | 'unreadable' };

const XML_TYPES = new Set(['text/xml', 'application/xml']);

/** Read a response the way `kzt_translator:exec/4` picks a translator: by exact content type, else by sniffing. */
export function readAnswer(status: number | undefined, contentType: string | null, bytes: Uint8Array): KazooReading {
  if (status === undefined) return { kind: 'failed', reason: 'no answer' };
  if (status !== 200 && status !== 206) return { kind: 'failed', reason: `status ${status} (Kazoo only runs 200 or 206)` };
  if (bytes.byteLength === 0) return { kind: 'stop', reason: '200 with an empty body', answer: 'empty' };
  // Parameters after `;` are dropped; the rest is compared case-sensitively. No header reads as text/xml.
  const type = contentType === null ? 'text/xml' : (contentType.split(';')[0] ?? '').trim();
  const text = new TextDecoder().decode(bytes);
  if (XML_TYPES.has(type)) return asTwiml(text) ?? { kind: 'failed', reason: `${type} that is not TwiML with a <Response> root`, answer: 'unrecognized' };
  if (type === 'application/json') {
    const json = decodeJson(bytes);
    return 'error' in json ? { kind: 'stop', reason: `invalid JSON: ${json.error}`, answer: 'unreadable' } : { kind: 'callflow', action: json.value };
  }
  const sniffed = asTwiml(text);
  if (sniffed !== undefined) return sniffed;
  const json = decodeJson(bytes);
  if (!('error' in json)) return { kind: 'callflow', action: json.value };
  return { kind: 'failed', reason: `content type ${JSON.stringify(type)} and a body that is neither TwiML nor JSON`, answer: 'unrecognized' };
}

function asTwiml(text: string): KazooReading | undefined {
  const read = readTwiml(text);
  return 'root' in read ? { kind: 'twiml', root: read.root } : undefined;
}

/** JSON as Kazoo's decoder takes it: valid UTF-8, and no lone UTF-16 surrogate in an escape. */
function decodeJson(bytes: Uint8Array): { readonly value: unknown } | { readonly error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'not valid UTF-8' };
  }
  try {
    const value: unknown = JSON.parse(text);
    return hasLoneSurrogate(value) ? { error: 'a lone UTF-16 surrogate, which Kazoo cannot decode' } : { value };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
  return false;
}
