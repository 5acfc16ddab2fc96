import type { CallflowAction } from './callflow.js';
import { renderCallflow } from './render-callflow.js';
import { renderTwiml } from './render-twiml.js';
import type { TwimlVerb } from './twiml.js';

export * as callflow from './callflow.js';
export * as twiml from './twiml.js';
export type { CallflowAction, CollectOptions } from './callflow.js';
export type { TwimlVerb } from './twiml.js';
export type { Speech } from './speech.js';
export { constantAction } from './render-callflow.js';
export { escapeXml, renderTwiml } from './render-twiml.js';

/** The two dialects Kazoo Pivot takes as an answer. */
export type Dialect = 'callflow' | 'twiml';

/** A complete Pivot answer in one dialect. */
export type Flow =
  | { readonly dialect: 'callflow'; readonly action: CallflowAction }
  | { readonly dialect: 'twiml'; readonly verbs: readonly TwimlVerb[] };

/** The body and content type Kazoo needs to pick the right translator (protocol doc §2). */
export function renderFlow(flow: Flow): { readonly body: string; readonly contentType: string } {
  if (flow.dialect === 'callflow') return { body: renderCallflow(flow.action), contentType: 'application/json' };
  return { body: renderTwiml(flow.verbs), contentType: 'application/xml' };
}
