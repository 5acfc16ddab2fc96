import { readBodyText } from '../../shared/adapter/body-reading.js';
import { detectDialect } from '../../shared/adapter/dialect.js';
import { CALL_ID, CALLER_ID_NAME, CALLER_ID_NUMBER, FROM, RECORDING_DURATION_SPELLINGS, RECORDING_URL, TO, type ParamSpellings } from '../../shared/adapter/field-names.js';
import { MAX_PARAMETERS } from '../../shared/adapter/limits.js';
import type { ParamTree } from '../../shared/adapter/param-tree.js';
import { decodePercentEscapes } from '../../shared/adapter/percent-decoding.js';
import { ProblemLog } from '../../shared/adapter/problem-log.js';
import type { PivotRequest } from '../../shared/adapter/types.js';

/** What the `<Record action>` follow-up reads of its Pivot request. */
export type FollowUpRequest = Pick<PivotRequest, 'dialect' | 'callId' | 'recordingUrl' | 'recordingDuration' | 'callerIdName' | 'callerIdNumber' | 'from' | 'to'>;

/**
 * Reads the follow-up's fields from its query and a POST's form or JSON body (the body wins per
 * name; the route only sends a body labelled as one of those here), by the adapter's rules for
 * bodies, names and dialect. The fields are flat text, so the adapter's full reader (nested keys,
 * typed collections) stays out of the recordings function. Never throws.
 */
export async function readFollowUpRequest(request: Request): Promise<FollowUpRequest> {
  const problems = new ProblemLog();
  const tree: ParamTree = new Map();
  try {
    if (request.method.toUpperCase() === 'POST') {
      const text = await readBodyText(request, problems);
      if (text !== undefined && text.trim() !== '') {
        if ((request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) readJson(text, tree);
        else readPairs(text, tree, problems);
      }
    }
    readPairs(new URL(request.url).search.slice(1), tree, problems);
  } catch {
    // Only a bug gets here; what was read so far still counts.
  }
  const dialect = detectDialect(tree, problems);
  const field = ({ kazoo, twiml }: ParamSpellings): string | undefined => {
    for (const name of dialect === 'twiml' ? [...twiml, ...kazoo] : [...kazoo, ...twiml]) {
      const text = tree.get(name)?.text;
      if (text !== undefined && text !== '') return text;
    }
    return undefined;
  };
  const duration = field(RECORDING_DURATION_SPELLINGS);
  const read = {
    dialect,
    callId: field(CALL_ID),
    recordingUrl: field(RECORDING_URL),
    callerIdName: field(CALLER_ID_NAME),
    callerIdNumber: field(CALLER_ID_NUMBER),
    from: field(FROM),
    to: field(TO),
    // As the adapter reads it: plain seconds only (Number() would take '0x10' and '1e3').
    recordingDuration: duration !== undefined && /^\d+(\.\d+)?$/.test(duration) ? Number(duration) : undefined,
  };
  // Without the fields left undefined (exactOptionalPropertyTypes).
  return JSON.parse(JSON.stringify(read)) as FollowUpRequest;
}

/** `name=value&...` pairs not read yet: names taken as sent (`+` is a plus), values form-decoded. */
function readPairs(text: string, tree: ParamTree, problems: ProblemLog): void {
  for (const pair of text.split('&', MAX_PARAMETERS)) {
    const equals = pair.indexOf('=');
    const name = decodePercentEscapes(equals === -1 ? pair : pair.slice(0, equals), false, { source: 'follow-up', offset: 0 }, problems);
    if (name !== '' && !tree.has(name)) tree.set(name, { text: equals === -1 ? '' : decodePercentEscapes(pair.slice(equals + 1), true, { source: 'follow-up', offset: 0 }, problems) });
  }
}

/** A JSON object's text, number and boolean members, as a form body would carry them. */
function readJson(text: string, tree: ParamTree): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
  for (const [name, value] of Object.entries(parsed)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) tree.set(name, { text: String(value) });
  }
}
