import type { BusinessState } from './state.js';

/** Adds a fact to the request's log line (PivotCall.note). */
export type Note = (key: string, value: string) => void;

/** `state` (open/closed) and the holiday `reason`, for the request's log line. */
export function noteState(note: Note, state: BusinessState): void {
  if (!state.known) return;
  note('state', state.open ? 'open' : 'closed');
  if (state.reason !== undefined) note('reason', state.reason);
}
