import { parseXml, type XmlElement } from './xml.js';

/**
 * What Kazoo's TwiML translator accepts (pivot-protocol.md §4, §9), verb by verb. `fatal`: Kazoo
 * stops the call there (an unknown verb, an attribute value it matches exactly and does not list,
 * a zero count, a bare <Gather>). `advice`: runs, but not as written (a relative URL resolved the
 * Kazoo way, an attribute it ignores). Kazoo checks each verb only when it runs it, so the verbs
 * before a fatal one are played.
 */
export interface VerbCheck {
  readonly fatal: readonly string[];
  readonly advice: readonly string[];
}

type Accepts = (value: string) => boolean;
interface AttributeRule {
  readonly accepts: Accepts;
  /** A value it does not accept hangs up (true) or is only not what was meant (false). */
  readonly fatal: boolean;
  readonly expected: string;
}

const count = (max: number): AttributeRule => ({ accepts: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max, fatal: true, expected: `a whole number from 1 to ${max}` });
const oneOf = (...choices: string[]): AttributeRule => ({ accepts: (v) => choices.includes(v), fatal: true, expected: choices.join(', ') });
const url: AttributeRule = { accepts: (v) => /^https?:\/\//i.test(v) && URL.canParse(v), fatal: false, expected: 'an absolute URL (Kazoo resolves a relative one against the current directory, not the site root)' };
const method: AttributeRule = { accepts: (v) => /^(get|post)$/i.test(v), fatal: false, expected: 'GET or POST (anything else is POST)' };
const loop: AttributeRule = { accepts: (v) => /^\d+$/.test(v), fatal: true, expected: 'a whole number' };
const flag: AttributeRule = { accepts: (v) => v === 'true' || v === 'false', fatal: false, expected: 'true or false' };
const anything: AttributeRule = { accepts: () => true, fatal: false, expected: '' };
const refused = (why: string): AttributeRule => ({ accepts: () => false, fatal: true, expected: why });

/** Max seconds of `<Record maxLength>` (system_config kzt_twiml_util.max_length). */
export const TWIML_MAX_RECORD_SECONDS = 3600;

export const TWIML_VERBS: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  Say: { voice: oneOf('man', 'male', 'woman', 'female'), language: oneOf('en', 'en-gb', 'es', 'fr', 'de', 'it'), loop, engine: anything, terminators: anything },
  Play: { loop, terminators: anything },
  Gather: { action: url, method, timeout: count(3600), finishOnKey: anything, numDigits: count(100) },
  Record: {
    action: url, method, timeout: count(3600), finishOnKey: anything, maxLength: count(TWIML_MAX_RECORD_SECONDS), playBeep: flag,
    recordingUrl: refused('no recordingUrl: an explicit one reaches a call that only takes binaries (§4.3)'),
  },
  Dial: {
    action: url, method, timeout: count(3600), callerId: anything, hangupOn: anything, record: flag, timeLimit: count(14400), continueOnFail: flag,
    strategy: refused('no strategy: any value is compared as the wrong type and crashes (§4.3)'),
  },
  Redirect: { method },
  Pause: { length: count(3600) },
  Hangup: {},
  Reject: { reason: oneOf('rejected', 'busy'), prompt: anything },
  Set: {},
};
const DIAL_NOUNS = new Set(['Number', 'Device', 'User', 'Sip']);
const GATHER_PROMPTS = new Set(['Say', 'Play', 'Pause']);

export function elementsOf(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

export function textOf(element: XmlElement): string {
  return element.children.filter((child): child is string => typeof child === 'string').join('').trim();
}

/** The checks Kazoo applies when it runs `verb` (nested prompts of a <Gather> included). */
export function checkVerb(verb: XmlElement, where = verb.name): VerbCheck {
  const fatal: string[] = [];
  const advice: string[] = [];
  const rules = TWIML_VERBS[verb.name];
  if (rules === undefined) return { fatal: [`${where}: Kazoo does not implement <${verb.name}>`], advice };
  if (verb.name === 'Hangup' && Object.keys(verb.attributes).length > 0) fatal.push(`${where}: <Hangup> takes no attributes`);
  for (const [key, value] of Object.entries(verb.attributes)) {
    const rule = rules[key];
    if (rule === undefined) advice.push(`${where}: Kazoo ignores the attribute ${key}`);
    else if (!rule.accepts(value)) (rule.fatal ? fatal : advice).push(`${where}: ${key}="${value}", expected ${rule.expected}`);
  }
  const children = elementsOf(verb);
  switch (verb.name) {
    case 'Say':
    case 'Play':
      if (textOf(verb) === '' || children.length > 0) fatal.push(`${where}: needs text content only`);
      // kzt_twiml_say cuts the text at pivot.tts_texts_size (4000 bytes), inside a character if need be.
      if (verb.name === 'Say' && new TextEncoder().encode(textOf(verb)).length > 4000) advice.push(`${where}: over 4000 bytes, Kazoo cuts it`);
      break;
    case 'Gather':
      if (children.length === 0) fatal.push(`${where}: a bare <Gather> crashes on the first key press; nest the prompt (§9)`);
      for (const child of children) {
        if (!GATHER_PROMPTS.has(child.name)) advice.push(`${where}: <${child.name}> inside <Gather>`);
        const nested = checkVerb(child, `${where}/${child.name}`);
        fatal.push(...nested.fatal);
        advice.push(...nested.advice);
      }
      break;
    case 'Dial':
      if (children.length === 0 && !/\d/.test(textOf(verb))) fatal.push(`${where}: nothing to dial`);
      for (const child of children) if (!DIAL_NOUNS.has(child.name) || textOf(child) === '') fatal.push(`${where}: bad noun <${child.name}>`);
      break;
    case 'Redirect':
      if (textOf(verb) === '') fatal.push(`${where}: no URL`);
      else if (!url.accepts(textOf(verb))) advice.push(`${where}: ${url.expected}`);
      break;
    case 'Set':
      for (const child of children) if (child.name !== 'Variable') advice.push(`${where}: <${child.name}> inside <Set>`);
      break;
    default:
      if (verb.children.length > 0) fatal.push(`${where}: must be empty`);
  }
  return { fatal, advice };
}

/**
 * A whole TwiML document as Kazoo reads it: well-formed, a `<Response>` root (anything else is not
 * TwiML to Kazoo), then its verbs.
 */
export function readTwiml(xml: string): { readonly root: XmlElement } | { readonly error: string } {
  try {
    const root = parseXml(xml);
    return root.name === 'Response' ? { root } : { error: `root is <${root.name}>, Kazoo needs <Response>` };
  } catch (error) {
    return { error: `not well-formed: ${(error as Error).message}` };
  }
}

/**
 * The test oracle: every problem Kazoo would have with a TwiML answer, fatal or not (our own
 * answers must have none: absolute URLs, only attributes Kazoo handles). [] means Kazoo runs it as written.
 */
export function twimlProblems(xml: string): string[] {
  const read = readTwiml(xml);
  if ('error' in read) return [read.error];
  return elementsOf(read.root).flatMap((verb, index) => {
    const { fatal, advice } = checkVerb(verb, `Response/${verb.name}[${index}]`);
    return [...fatal, ...advice];
  });
}
