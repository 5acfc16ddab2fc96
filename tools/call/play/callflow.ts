import { audioSeconds, storeUrl } from '../wire/recording.js';
import type { CallRun, NextRequest } from './run.js';
import { finishRecording, uploadMessage } from './uploads.js';

interface Node {
  readonly module: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly children?: Readonly<Record<string, Node>>;
}

const RING_TARGET: Readonly<Record<string, string>> = { device: 'device', user: 'user', resources: 'number' };
// A flow is a tree; walking more nodes than this without a request means it loops on itself.
const MAX_NODES = 200;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const whole = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * Runs a Callflow JSON answer the way cf_exe does after Kazoo validated it: node by node, each
 * going on to its `_` child, until the call ends or a `pivot` node asks for the next request.
 */
export async function runCallflow(call: CallRun, first: unknown): Promise<NextRequest | undefined> {
  let node = first as Node | undefined;
  for (let visited = 0; node !== undefined && !call.done; visited += 1) {
    if (visited === MAX_NODES) return call.hangUp(`${MAX_NODES} nodes without an end: the flow loops`);
    const { module, data } = node;
    const next = node.children?._;
    if (data.skip_module === true) {
      node = next;
      continue;
    }
    switch (module) {
      case 'tts':
        call.step({ kind: 'say', text: text(data.text) ?? '', voice: text(data.voice) ?? 'female', ...(text(data.language) === undefined ? {} : { language: text(data.language) as string }) });
        break;
      case 'play':
        call.step({ kind: 'play', media: text(data.id) ?? '' });
        break;
      case 'collect_dtmf':
        collect(call, data);
        break;
      case 'device':
      case 'user':
      case 'resources': {
        const outcome = call.nextAnswer();
        const id = text(module === 'resources' ? data.to_did : data.id) ?? '';
        call.step({ kind: 'ring', target: RING_TARGET[module] ?? module, id, seconds: whole(data.timeout, module === 'user' ? 20 : 0), outcome });
        if (outcome === 'yes') return call.end('answered: they talk, and the call ends when they hang up');
        if (next === undefined) return call.end(`${outcome === 'busy' ? 'busy' : 'no answer'}, and nothing follows: Kazoo hangs up`);
        break;
      }
      case 'voicemail':
        call.step({ kind: 'voicemail-box', id: text(data.id) ?? '' });
        return call.end('the caller leaves a message in the Kazoo voicemail box');
      case 'record_caller':
        if ((await recordCaller(call, data)) === 'gone') return undefined;
        break;
      case 'record_call':
        if (data.action === 'stop') await finishRecording(call);
        else startRecording(call, data);
        break;
      case 'sleep': {
        const seconds = whole(data.duration, 0) * (UNIT_SECONDS[text(data.unit) ?? 's'] ?? 1);
        if (call.recording !== undefined && call.options.record !== undefined) {
          call.recording.spoken = true;
          leaveMessage(call, 'hangs up');
          return call.end('the caller hung up after the message');
        }
        call.step({ kind: 'wait', seconds });
        break;
      }
      case 'response':
        call.step({ kind: 'reject', code: `${whole(data.code, 486)}${text(data.message) === undefined ? '' : ` ${text(data.message) as string}`}` });
        return call.end('Kazoo answers the caller with that SIP response');
      case 'hangup':
        return call.end('hangs up');
      case 'pivot':
        return {
          url: text(data.voice_url) ?? '',
          method: text(data.method)?.toUpperCase() === 'POST' ? 'POST' : 'GET',
          format: data.req_format === 'twiml' ? 'twiml' : 'kazoo',
          bodyFormat: data.req_body_format === 'json' ? 'json' : 'form',
          via: 'pivot',
          ...(next === undefined ? {} : { onFailure: next }),
        };
      default:
        call.outcome = 'unsupported';
        call.step({ kind: 'warning', text: `the simulator does not play the ${module} module; the call stops here` });
        return undefined;
    }
    node = next;
  }
  if (call.done) return undefined;
  return call.end('the flow has no more nodes: Kazoo hangs up');
}

/** cf_collect_dtmf: up to `max_digits`, stopping at a terminator (left out), into `Digits[collection_name]`. */
function collect(call: CallRun, data: Readonly<Record<string, unknown>>): void {
  const collection = text(data.collection_name) ?? 'default';
  const maxDigits = whole(data.max_digits, 1);
  const terminators = Array.isArray(data.terminators) ? (data.terminators as unknown[]).map(String) : [text(data.terminator) ?? '#'];
  const pressed = call.nextDigits();
  let digits = '';
  for (const key of pressed) {
    if (terminators.includes(key) || digits.length >= maxDigits) break;
    digits += key;
  }
  call.vars.collections = { ...call.vars.collections, [collection]: digits };
  call.step({ kind: 'collect', collection, maxDigits, pressed: digits });
}

function leaveMessage(call: CallRun, then: 'hangs up' | 'presses #'): void {
  const record = call.options.record;
  if (record === undefined) return;
  const seconds = audioSeconds(record.bytes);
  call.step({ kind: 'message', file: record.name, bytes: record.bytes.byteLength, ...(seconds === undefined ? {} : { seconds }), then });
}

function startRecording(call: CallRun, data: Readonly<Record<string, unknown>>): void {
  const format = text(data.format) ?? 'mp3';
  call.step({ kind: 'record', via: 'record_call', format });
  const url = text(data.url);
  if (url === undefined) {
    call.warn('record_call without a url keeps the recording in Kazoo: nothing reaches this server');
    return;
  }
  call.recording = { url, format, method: text(data.method) ?? 'put', spoken: false };
}

/**
 * cf_record_caller: records until a key or the time limit, then (4.3 only: master has no `store`)
 * PUTs `<url>/<CallId>.<ext>`. Without a message the caller hangs up.
 */
async function recordCaller(call: CallRun, data: Readonly<Record<string, unknown>>): Promise<'gone' | 'on'> {
  const format = text(data.format) ?? 'mp3';
  call.step({ kind: 'record', via: 'record_caller', format });
  if (call.kazoo === '5') call.problems.push('record_caller never uploads on Kazoo 5.x (master has no `store` application): this message is lost');
  else call.warn('record_caller uploads on Kazoo 4.3 only: on 5.x (master) this message would be lost');
  if (call.options.record === undefined) {
    await call.end('the caller hangs up without a message (pass --record <file> to leave one)');
    return 'gone';
  }
  leaveMessage(call, 'presses #');
  const url = text(data.url);
  if (call.kazoo === '4.3' && url !== undefined) await uploadMessage(call, (text(data.method) ?? 'put').toUpperCase(), storeUrl(url, `${call.vars.callId}.${format}`), format);
  return 'on';
}
