import { parseXml, type XmlElement } from './xml.js';

/**
 * Checks TwiML against what Kazoo's translator accepts (pivot-protocol.md §4, §9): the verbs it
 * implements, the attribute values it matches exactly (anything else makes it hang up), nested
 * prompts in <Gather>, and absolute URLs (Kazoo resolves a leading "/" against the current directory).
 * Returns the problems; [] means Kazoo would run it.
 */
export function twimlProblems(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed: ${(error as Error).message}`];
  }
  if (root.name !== 'Response') return [`root is <${root.name}>, Kazoo needs <Response>`];
  return elements(root).flatMap((verb, index) => checkVerb(verb, `Response/${verb.name}[${index}]`));
}

type AttributeRule = (value: string) => boolean;
const positive = (max: number): AttributeRule => (value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max;
const absoluteUrl: AttributeRule = (value) => /^https?:\/\//.test(value) && URL.canParse(value);
const oneOf = (...choices: string[]): AttributeRule => (value) => choices.includes(value);
const anything: AttributeRule = () => true;
const method = oneOf('GET', 'POST', 'get', 'post');

const VERBS: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  Say: { voice: oneOf('man', 'male', 'woman', 'female'), language: oneOf('en', 'en-gb', 'es', 'fr', 'de', 'it'), loop: (v) => /^\d+$/.test(v), engine: anything, terminators: anything },
  Play: { loop: (v) => /^\d+$/.test(v), terminators: anything },
  Gather: { action: absoluteUrl, method, timeout: positive(3600), finishOnKey: anything, numDigits: positive(100) },
  Record: { action: absoluteUrl, method, timeout: positive(3600), finishOnKey: anything, maxLength: positive(3600), playBeep: oneOf('true', 'false') },
  Dial: { action: absoluteUrl, method, timeout: positive(3600), callerId: anything, hangupOn: anything, record: oneOf('true', 'false'), timeLimit: positive(14400) },
  Redirect: { method },
  Pause: { length: positive(3600) },
  Hangup: {},
  Reject: { reason: oneOf('rejected', 'busy'), prompt: anything },
};
const DIAL_NOUNS = new Set(['Number', 'Device', 'User', 'Sip']);
const GATHER_PROMPTS = new Set(['Say', 'Play', 'Pause']);

function elements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

function text(element: XmlElement): string {
  return element.children.filter((child): child is string => typeof child === 'string').join('').trim();
}

function checkVerb(verb: XmlElement, where: string): string[] {
  const rules = VERBS[verb.name];
  if (rules === undefined) return [`${where}: Kazoo does not implement <${verb.name}>`];
  const problems = Object.entries(verb.attributes).flatMap(([key, value]) => {
    const rule = rules[key];
    if (rule === undefined) return [`${where}: attribute ${key} is not one Kazoo handles safely`];
    return rule(value) ? [] : [`${where}: ${key}="${value}" makes Kazoo hang up`];
  });
  const children = elements(verb);
  switch (verb.name) {
    case 'Say':
    case 'Play':
      if (text(verb) === '' || children.length > 0) problems.push(`${where}: needs text content only`);
      // kzt_twiml_say cuts the text at pivot.tts_texts_size (4000 bytes), inside a character if need be.
      if (verb.name === 'Say' && new TextEncoder().encode(text(verb)).length > 4000) problems.push(`${where}: over 4000 bytes, Kazoo cuts it`);
      break;
    case 'Gather':
      if (children.length === 0) problems.push(`${where}: a bare <Gather> crashes on the first key; nest the prompt`);
      for (const child of children) {
        if (!GATHER_PROMPTS.has(child.name)) problems.push(`${where}: <${child.name}> inside <Gather>`);
        problems.push(...checkVerb(child, `${where}/${child.name}`));
      }
      break;
    case 'Dial':
      if (children.length === 0 && !/^\+?\d+$/.test(text(verb))) problems.push(`${where}: plain number expected`);
      for (const child of children) {
        if (!DIAL_NOUNS.has(child.name) || text(child) === '') problems.push(`${where}: bad noun <${child.name}>`);
      }
      break;
    case 'Redirect':
      if (!absoluteUrl(text(verb))) problems.push(`${where}: URL must be absolute`);
      break;
    default:
      if (verb.children.length > 0) problems.push(`${where}: must be empty`);
  }
  return problems;
}
