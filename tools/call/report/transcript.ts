import type { CallTrace, Step } from '../types.js';

const SAY_MAX = 160;

function cut(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}…` : id;
}

function where(url: string, home: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  const path = `${parsed.pathname}${parsed.search === '' ? '' : parsed.search}`;
  return parsed.host === home ? path : `${parsed.host}${path}`;
}

function latency(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s of Kazoo's 5 s` : `${ms} ms`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line of the transcript for one step. */
export function stepLine(step: Step, home: string): string {
  switch (step.kind) {
    case 'request': {
      const via = step.via === 'voice_url' ? '' : `${step.via === 'pivot' ? 'pivot' : `<${step.via}>`} `;
      const outcome = step.error ?? (step.status === undefined ? '' : step.status === 200 ? '' : `status ${step.status}`);
      const answer = step.answer === 'callflow' ? 'Callflow JSON' : step.answer === 'twiml' ? 'TwiML' : step.answer;
      const details = [latency(step.ms), outcome, answer].filter((part) => part !== undefined && part !== '').join(' · ');
      return `▶ ${via}${step.method} ${where(step.url, home)} (${step.dialect}${step.body === 'query' ? '' : `, ${step.body}`}) ${details}`;
    }
    case 'say':
      return `→ says "${cut(step.text, SAY_MAX)}"`;
    case 'play':
      return `→ plays ${step.media}`;
    case 'collect': {
      const what = step.collection === 'Gather' ? '<Gather>' : step.collection;
      const count = step.maxDigits > 0 ? plural(step.maxDigits, 'digit') : 'digits';
      return `→ collects ${count} (${what}) ← ${step.pressed === '' ? 'nothing (times out)' : step.pressed}`;
    }
    case 'ring': {
      const seconds = step.seconds > 0 ? ` ${step.seconds} s` : '';
      const outcome = step.outcome === 'yes' ? 'answered' : step.outcome === 'busy' ? 'busy' : 'no answer';
      return `→ rings ${step.target} ${shortId(step.id)}${seconds} → ${outcome}`;
    }
    case 'record':
      return `→ records (${step.via === 'record_call' ? 'hang up to finish' : 'press # to finish'}, ${step.via}, ${step.format})`;
    case 'message':
      return `← the caller leaves ${step.file} (${step.seconds === undefined ? `${step.bytes} bytes` : `${step.seconds.toFixed(1)} s`}) and ${step.then}`;
    case 'upload':
      return `→ uploaded ${step.method} ${where(step.url, home).split('?')[0]} → ${step.error ?? step.status}${step.id === undefined ? '' : ` (id ${step.id})`} ${step.ms} ms`;
    case 'wait':
      return `→ waits ${step.seconds} s`;
    case 'voicemail-box':
      return `→ Kazoo voicemail box ${shortId(step.id)}`;
    case 'reject':
      return `→ rejects the call (${step.code})`;
    case 'end':
      return `■ ${step.how}`;
    case 'hung-up':
      return `✗ the caller would be hung up here: ${step.reason}`;
    case 'pivot-failed':
      return `✗ pivot failed: ${step.reason}; ${step.then}`;
    case 'warning':
      return `⚠ ${step.text}`;
  }
}

/** The whole call, one line per step, then a verdict. */
export function transcript(trace: CallTrace, voiceUrl: string): string {
  const home = URL.canParse(voiceUrl) ? new URL(voiceUrl).host : '';
  const lines = trace.steps.map((step) => stepLine(step, home));
  const checked = trace.checkedBy === undefined ? '' : `; Callflow JSON checked against ${trace.checkedBy === 'schemas' ? "Kazoo's callflow schemas" : "the simulator's own module rules (no ../shared/kazoo/schemas)"}`;
  const summary = `${plural(trace.requests, 'request')}${checked}`;
  if (trace.problems.length === 0) lines.push(`✓ the caller got through (${summary})`);
  else for (const problem of trace.problems) if (!lines.includes(`✗ ${problem}`)) lines.push(`✗ ${problem}`);
  return lines.join('\n');
}
