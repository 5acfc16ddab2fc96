import { checkVerb, elementsOf, textOf } from '../../kazoo/twiml.js';
import { resolveLikeKazoo } from '../../kazoo/wire.js';
import type { XmlElement } from '../../kazoo/xml.js';
import { audioSeconds, storeUrl } from '../wire/recording.js';
import type { CallRun, NextRequest } from './run.js';
import { uploadMessage } from './uploads.js';
import type { RequestVia } from '../types.js';

const SAY_VOICE: Readonly<Record<string, string>> = { man: 'male', male: 'male', woman: 'female', female: 'female' };

/**
 * Runs a TwiML answer the way kzt_twiml does: verb by verb, each checked only when it runs (the
 * verbs before a bad one are heard), a request for `<Gather>` with digits, `<Record>`, `<Dial action>`
 * and `<Redirect>`, and a hang-up when the list runs out.
 */
export async function runTwiml(call: CallRun, root: XmlElement, request: NextRequest): Promise<NextRequest | undefined> {
  const follow = (verb: XmlElement, via: RequestVia, target: string | undefined): NextRequest => {
    const url = resolveLikeKazoo(request.url, target);
    if (target !== undefined && !/^https?:\/\//i.test(target)) call.warn(`<${verb.name}> hands Kazoo the relative URL ${JSON.stringify(target)}, which Kazoo resolves to ${url}`);
    return { url, method: /^get$/i.test(verb.attributes.method ?? '') ? 'GET' : 'POST', format: request.format, bodyFormat: request.bodyFormat, via };
  };
  for (const verb of elementsOf(root)) {
    const { fatal, advice } = checkVerb(verb);
    for (const note of advice) call.warn(note);
    if (fatal.length > 0) return call.hangUp(`Kazoo stops at <${verb.name}>: ${fatal.join('; ')}`);
    switch (verb.name) {
      case 'Say':
      case 'Play':
      case 'Pause':
        prompt(call, verb);
        break;
      case 'Gather': {
        for (const nested of elementsOf(verb)) prompt(call, nested);
        const numDigits = verb.attributes.numDigits === undefined ? Infinity : Number(verb.attributes.numDigits);
        const finish = verb.attributes.finishOnKey ?? '#';
        let digits = '';
        for (const key of call.nextDigits()) {
          if ((finish !== '' && finish.includes(key)) || digits.length >= numDigits) break;
          digits += key;
        }
        call.step({ kind: 'collect', collection: 'Gather', maxDigits: Number.isFinite(numDigits) ? numDigits : 0, pressed: digits });
        // No key: Kazoo moves on to the next verb without a request.
        if (digits === '') break;
        call.vars.gathered = digits;
        return follow(verb, 'Gather', verb.attributes.action);
      }
      case 'Record': {
        call.step({ kind: 'record', via: 'Record', format: 'mp3' });
        const record = call.options.record;
        if (record === undefined) {
          call.warn('no --record file: the caller says nothing, so Kazoo goes on to the next verb');
          break;
        }
        const next = follow(verb, 'Record', verb.attributes.action);
        const seconds = audioSeconds(record.bytes);
        call.step({ kind: 'message', file: record.name, bytes: record.bytes.byteLength, ...(seconds === undefined ? {} : { seconds }), then: 'presses #' });
        const uploadUrl = storeUrl(next.url, `call_recording_${call.vars.callId}.mp3`);
        if (call.kazoo === '5') call.problems.push('<Record> never uploads on Kazoo 5.x (master has no `store` application): this message is lost');
        else {
          call.warn('<Record> uploads on Kazoo 4.3 only: on 5.x (master) this message would be lost');
          await uploadMessage(call, 'PUT', uploadUrl, 'mp3');
        }
        Object.assign(call.vars, { recordingUrl: uploadUrl, recordingDuration: String(Math.round(seconds ?? 0)), digitPressed: '#' });
        return next;
      }
      case 'Dial': {
        const next = await dial(call, verb);
        if (next === 'over') return undefined;
        if (next === 'action') return follow(verb, 'Dial', verb.attributes.action);
        break;
      }
      case 'Redirect':
        return follow(verb, 'Redirect', textOf(verb));
      case 'Hangup':
        return call.end('hangs up');
      case 'Reject':
        call.step({ kind: 'reject', code: verb.attributes.reason === 'busy' ? '486 busy' : '503 rejected' });
        return call.end('Kazoo rejects the call');
      case 'Set':
        for (const variable of elementsOf(verb)) {
          const key = variable.attributes.key;
          if (key !== undefined) call.vars.variables[key] = variable.attributes.value ?? '';
        }
        break;
      default:
        break;
    }
  }
  return call.end('the TwiML ran out: Kazoo hangs up');
}

function prompt(call: CallRun, verb: XmlElement): void {
  if (verb.name === 'Say') {
    const { voice, language } = verb.attributes;
    call.step({ kind: 'say', text: textOf(verb), voice: SAY_VOICE[voice ?? ''] ?? 'male', ...(language === undefined ? {} : { language }) });
  } else if (verb.name === 'Play') call.step({ kind: 'play', media: textOf(verb) });
  else if (verb.name === 'Pause') call.step({ kind: 'wait', seconds: Number(verb.attributes.length ?? 1) });
}

/**
 * kzt_twiml_dial with kzt_receiver: a plain number or a single `<Number>` goes offnet and the
 * result comes back as an offnet response; `<Device>`, `<User>`, `<Sip>` or several nouns are
 * bridged, and a bridge that completes (busy, failed, an answered call that ended) hangs the caller
 * up before the action is asked (issue 9 §1b). With no answer, Kazoo's dial timer and the bridge
 * timeout race; played here as the timer winning, with a warning.
 */
async function dial(call: CallRun, verb: XmlElement): Promise<'over' | 'action' | 'next'> {
  const nouns = elementsOf(verb);
  const bridged = nouns.length > 1 || (nouns.length === 1 && nouns[0]?.name !== 'Number');
  const noun = nouns[0];
  const target = noun === undefined || noun.name === 'Number' ? 'number' : noun.name.toLowerCase();
  const id = noun === undefined ? textOf(verb).replace(/[^\d+]/g, '') : textOf(noun);
  const outcome = call.nextAnswer();
  call.step({ kind: 'ring', target, id, seconds: Number(verb.attributes.timeout ?? (noun === undefined ? 30 : 20)), outcome });
  call.vars.dialCallSid = `b-leg-${call.requests}`;
  if (outcome === 'yes') {
    await call.end('answered: they talk; when the call ends Kazoo hangs up and only then asks the action');
    return 'over';
  }
  if (outcome === 'busy' && bridged) {
    call.hangUp('a busy <Dial> ends by bridge completion, and Kazoo hangs up the caller before it asks the action');
    return 'over';
  }
  if (bridged) call.warn('<Dial> to a device or user: when nobody answers, Kazoo hangs up the caller if the bridge timeout beats its own dial timer (a race of milliseconds); played as the timer winning');
  Object.assign(call.vars, { callStatus: outcome === 'busy' ? 'busy' : 'no-answer', dialCallStatus: 'ringing' });
  return verb.attributes.action === undefined ? 'next' : 'action';
}
