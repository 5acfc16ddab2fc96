import { PivotEdgeError } from '../errors.js';
import { NEXT_CHANGE, OVERRIDE_KEY, OVERRIDE_MAX_DAYS, type HoursOverride, type SettingsStore } from './types.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 instant with a zone (`Z` or an offset) that Date reads exactly. */
export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && Number.isFinite(Date.parse(text));
}

/**
 * The stored JSON back as a HoursOverride. Throws PivotEdgeError `override_invalid` when the file
 * is not one we wrote (hand-edited, truncated by a foreign tool): the caller then acts as if unset.
 */
export function parseStoredOverride(text: string): HoursOverride {
  let record: Partial<Record<string, unknown>> = {};
  try {
    record = Object(JSON.parse(text)) as Record<string, unknown>;
  } catch {
    // Reported below, with what was expected.
  }
  const { state, until, setAt } = record;
  const valid = (state === 'open' || state === 'closed') && typeof until === 'string' && (until === NEXT_CHANGE || isIsoInstant(until)) && typeof setAt === 'string' && isIsoInstant(setAt);
  if (!valid) {
    throw new PivotEdgeError('override_invalid', `${OVERRIDE_KEY} is ignored: expected {"state":"open"|"closed","until":<ISO instant>|"${NEXT_CHANGE}","setAt":<ISO instant>}`, 500);
  }
  return { state, until, setAt };
}

/** When an override with a fixed `until` ends (capped at OVERRIDE_MAX_DAYS after `setAt`); undefined for `next-change`. */
export function fixedEnd(override: HoursOverride): Date | undefined {
  if (override.until === NEXT_CHANGE) return undefined;
  return new Date(Math.min(Date.parse(override.until), Date.parse(override.setAt) + OVERRIDE_MAX_DAYS * 86_400_000));
}

/** `next opening` (a closed switch) or `next closing` (an open one) for `next-change`; undefined for a fixed time. */
export function nextChangeName(override: HoursOverride): string | undefined {
  if (override.until !== NEXT_CHANGE) return undefined;
  return override.state === 'closed' ? 'next opening' : 'next closing';
}

/** The stored override, or null when none is set; rejects on a store failure or a file we did not write. */
export async function loadOverride(store: Pick<SettingsStore, 'getText'>): Promise<HoursOverride | null> {
  const text = await store.getText(OVERRIDE_KEY);
  return text === null ? null : parseStoredOverride(text);
}
