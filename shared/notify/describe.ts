import type { ReasonKind, RecordingMeta } from '../storage/types.js';
import { formatLocalDateTime } from '../hours/zone.js';

const LABELS: Readonly<Record<ReasonKind, string>> = {
  closed: 'Closed',
  unanswered: 'Not answered',
  menu: 'Chosen in the menu',
  fallback: 'Fallback',
  vip: 'VIP caller',
  lookup: 'Sent by your caller lookup',
};

/** Why the call went to voicemail, for people: `{ kind: 'closed', detail: 'Christmas', label: 'Closed (Christmas)' }`. */
export interface ReasonView {
  readonly kind: ReasonKind | null;
  readonly detail: string | null;
  readonly label: string;
}

export function reasonOf(meta: Pick<RecordingMeta, 'reasonKind' | 'reasonDetail'>): ReasonView {
  const kind = meta.reasonKind ?? null;
  const detail = meta.reasonDetail ?? null;
  const base = kind === null ? undefined : LABELS[kind];
  const label = base === undefined ? (detail ?? 'Unknown') : detail === null ? base : `${base} (${detail})`;
  return { kind, detail, label };
}

/** The caller's number: the Caller ID number, else the user part of Kazoo's `from`. */
export function callerNumber(meta: Pick<RecordingMeta, 'callerIdNumber' | 'from'>): string | null {
  return meta.callerIdNumber ?? meta.from?.split('@')[0] ?? null;
}

/** `Alice Smith (+14155550100)`, the number or the name alone, or `an unknown caller`. */
export function callerLine(meta: Pick<RecordingMeta, 'callerIdNumber' | 'callerIdName' | 'from'>): string {
  const number = callerNumber(meta);
  const name = meta.callerIdName !== undefined && meta.callerIdName !== number ? meta.callerIdName : undefined;
  if (number === null) return name ?? 'an unknown caller';
  return name === undefined ? number : `${name} (${number})`;
}

/** The received time in TIMEZONE (`Tue 24 Dec, 16:32`), or null without one. */
export function receivedLocal(meta: Pick<RecordingMeta, 'receivedAt'>, timeZone: string | undefined): string | null {
  return timeZone === undefined ? null : formatLocalDateTime(new Date(meta.receivedAt), timeZone);
}

/** `0:07`, `1:15`, `1:02:03`. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}
