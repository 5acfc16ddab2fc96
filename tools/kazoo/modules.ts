/**
 * What the simulator knows of the callflow modules without Kazoo's schemas beside the repo: the
 * data keys Kazoo checks for the modules pivot-edge (and most Pivot apps) answer with, copied from
 * `callflows.<module>.json` (pivot-protocol.md §6). With the schemas present they are used instead.
 */
interface Property {
  readonly type: 'string' | 'integer' | 'boolean' | 'array' | 'object';
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** `http`: the schema's `^https?://` pattern; `uri`: its `format: uri`. */
  readonly url?: 'http' | 'uri';
}

interface ModuleRules {
  readonly required?: readonly string[];
  readonly properties: Readonly<Record<string, Property>>;
}

const text: Property = { type: 'string' };
const integer: Property = { type: 'integer' };
const boolean: Property = { type: 'boolean' };
const list: Property = { type: 'array' };
const object: Property = { type: 'object' };
const ringing = { id: text, timeout: integer, delay: integer, can_call_self: boolean, can_text_self: boolean, suppress_clid: boolean, static_invite: text, custom_sip_headers: object };
const recording = { format: { type: 'string', enum: ['mp3', 'wav'] }, method: { type: 'string', enum: ['put', 'post'] }, url: { type: 'string', url: 'uri' }, time_limit: { type: 'integer', min: 5, max: 10800 } } as const;

export const KNOWN_MODULES: Readonly<Record<string, ModuleRules>> = {
  tts: { required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 1000 }, voice: text, language: text, engine: { type: 'string', enum: ['flite', 'google', 'ispeech', 'voicefabric'] }, terminators: list, endless_playback: boolean } },
  play: { properties: { id: text, loop_count: { type: 'integer', min: 1 }, answer: boolean, endless_playback: boolean, terminators: list } },
  device: { properties: { ...ringing, dial_strategy: { type: 'string', enum: ['simultaneous', 'single'] } } },
  user: { properties: { ...ringing, strategy: { type: 'string', enum: ['simultaneous', 'single'] }, fail_on_single_reject: boolean } },
  resources: { properties: { to_did: text, timeout: integer, use_local_resources: boolean, caller_id_type: text, ignore_early_media: boolean, outbound_flags: list, dynamic_flags: list, custom_sip_headers: object, ringback: text, bypass_e164: boolean, do_not_normalize: boolean, emit_account_id: boolean, format_from_uri: boolean, from_uri_realm: text, hunt_account_id: text, resource_type: text } },
  collect_dtmf: { properties: { collection_name: text, max_digits: { type: 'integer', min: 1 }, timeout: { type: 'integer', min: 1 }, interdigit_timeout: { type: 'integer', min: 1 }, terminator: { type: 'string', enum: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '#', '*'] }, terminators: list } },
  pivot: {
    required: ['voice_url'],
    properties: { voice_url: { type: 'string', url: 'http' }, cdr_url: { type: 'string', url: 'http' }, method: { type: 'string', enum: ['get', 'post', 'GET', 'POST'] }, req_format: { type: 'string', enum: ['kazoo', 'twiml'] }, req_body_format: { type: 'string', enum: ['form', 'json'] }, req_timeout_ms: { type: 'integer', max: 5000 }, debug: boolean },
  },
  record_call: { required: ['action'], properties: { ...recording, action: { type: 'string', enum: ['start', 'stop'] }, label: text, media_name: text, origin: text, record_min_sec: integer, record_on_answer: boolean, record_on_bridge: boolean, record_sample_rate: integer, should_follow_transfer: boolean } },
  record_caller: { properties: recording },
  sleep: { properties: { duration: { type: 'integer', min: 0, max: 86_400_000 }, unit: { type: 'string', enum: ['ms', 's', 'm', 'h'] } } },
  voicemail: { properties: { id: { type: 'string', minLength: 32, maxLength: 32 }, action: { type: 'string', enum: ['check', 'compose'] }, max_message_length: integer, interdigit_timeout: integer, callerid_match_login: boolean, single_mailbox_login: boolean } },
  response: { required: ['code'], properties: { code: integer, message: text, media: { type: 'string', maxLength: 2048 } } },
  hangup: { properties: {} },
};

function typeOf(value: unknown): Property['type'] | 'number' | 'null' | 'other' {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as 'string' | 'boolean' | 'object';
  return 'other';
}

/** Problems with one node's `data` by the built-in rules; undefined when the module is not known here. */
export function builtInDataProblems(module: string, data: Readonly<Record<string, unknown>>, path: string): string[] | undefined {
  const rules = KNOWN_MODULES[module];
  if (rules === undefined) return undefined;
  const problems: string[] = [];
  for (const key of rules.required ?? []) if (!(key in data)) problems.push(`${path}.data: must have required property '${key}'`);
  for (const [key, value] of Object.entries(data)) {
    const rule = key === 'skip_module' ? boolean : rules.properties[key];
    if (rule === undefined) continue;
    const at = `${path}.data.${key}`;
    if (typeOf(value) !== rule.type) {
      problems.push(`${at}: must be ${rule.type}`);
      continue;
    }
    if (rule.enum !== undefined && !rule.enum.includes(value as string)) problems.push(`${at}: must be one of ${rule.enum.join(', ')}`);
    if (typeof value === 'number' && ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))) {
      problems.push(`${at}: must be ${rule.min === undefined ? '' : `>= ${rule.min}`}${rule.min !== undefined && rule.max !== undefined ? ' and ' : ''}${rule.max === undefined ? '' : `<= ${rule.max}`}`);
    }
    if (typeof value === 'string') {
      const length = Array.from(value).length;
      if (rule.minLength !== undefined && length < rule.minLength) problems.push(`${at}: must NOT have fewer than ${rule.minLength} characters`);
      if (rule.maxLength !== undefined && length > rule.maxLength) problems.push(`${at}: must NOT have more than ${rule.maxLength} characters`);
      if (rule.url === 'http' && !/^https?:\/\//.test(value)) problems.push(`${at}: must match pattern "^https?://"`);
      if (rule.url === 'uri' && !URL.canParse(value)) problems.push(`${at}: must match format "uri"`);
    }
  }
  return problems;
}
