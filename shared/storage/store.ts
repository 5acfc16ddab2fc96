import { audioMeter } from '../audio/duration.js';
import { PivotEdgeError, isPivotEdgeError } from '../errors.js';
import { gatherer } from './coalesce.js';
import { withCallFacts } from './facts.js';
import { callKey, isRecordingId, newRecordingId, olderThanMarker } from './ids.js';
import { byteLimit } from './limit.js';
import type { BlobInfo, BlobStore, ByteRange, CallFacts, RecordingMeta, RecordingPage, RecordingStore } from './types.js';

// Key layout (see README "Recordings storage"):
//   audio/<id>                 the audio, written first
//   meta/<id>.json             the metadata record; its existence is what makes a recording visible
//   calls/<callKey>.<id>       empty marker: the recordings of one call (for the <Record action> follow-up)
//   facts/<callKey>.json       what the follow-up said about a call, kept for an upload that lands later
//   durations/<callKey>.json   the same from older versions (duration only); swept, no longer written
const audioKey = (id: string): string => `audio/${id}`;
const metaKey = (id: string): string => `meta/${id}.json`;
const callPrefix = (callId: string): string => `calls/${callKey(callId)}.`;
const factsKey = (callId: string): string => `facts/${callKey(callId)}.json`;
const JSON_TYPE = 'application/json';
const SWEEP_PAGES = 50;
const PIECE = 64 * 1024;
const SWEEP_PAGE_SIZE = 100;

/** Recordings on top of any BlobStore backend; `now` is for tests. */
export function createRecordingStore(blob: BlobStore, options: { readonly now?: () => Date } = {}): RecordingStore {
  const now = options.now ?? (() => new Date());

  async function readMeta(id: string): Promise<RecordingMeta | null> {
    if (!isRecordingId(id)) return null;
    const text = await blob.getText(metaKey(id));
    return text === null ? null : (JSON.parse(text) as RecordingMeta);
  }

  const writeMeta = (meta: RecordingMeta): Promise<void> => blob.putBytes(metaKey(meta.id), JSON.stringify(meta), JSON_TYPE);

  async function pendingFacts(callId: string): Promise<CallFacts | undefined> {
    const text = await blob.getText(factsKey(callId));
    if (text === null) return undefined;
    const record = JSON.parse(text) as { callId?: string; facts?: CallFacts };
    // Another call id may share the key's safe characters; the record names its call exactly.
    return record.callId === callId ? record.facts : undefined;
  }

  async function remove(meta: Pick<RecordingMeta, 'id' | 'callId'>): Promise<void> {
    // Metadata first: once it is gone the recording is invisible, whatever happens next.
    await blob.delete([metaKey(meta.id)]);
    await blob.delete([audioKey(meta.id), callPrefix(meta.callId) + meta.id]);
  }

  /** Hands `each` the pages of keys under `prefix` after `startAfter`, at most SWEEP_PAGES of them. */
  async function eachPage(prefix: string, startAfter: string | undefined, each: (items: readonly BlobInfo[]) => Promise<void>): Promise<void> {
    for (let page = 0; page < SWEEP_PAGES; page++) {
      const { items, truncated } = await blob.list(prefix, { ...(startAfter === undefined ? {} : { startAfter }), limit: SWEEP_PAGE_SIZE });
      await each(items);
      const last = items.at(-1);
      if (!truncated || last === undefined) return;
      startAfter = last.key;
    }
  }

  /** Every key of `prefix` for a recording received before `cutoff` (the ids sort newest first). */
  async function sweepPrefix(prefix: string, cutoff: Date, each: (key: string) => Promise<void>): Promise<number> {
    let count = 0;
    await eachPage(prefix, prefix + olderThanMarker(cutoff), async (items) => {
      for (const item of items) await each(item.key);
      count += items.length;
    });
    return count;
  }

  /** Keys of `prefix` written before `cutoff`, whatever their names. */
  async function sweepByAge(prefix: string, cutoff: Date): Promise<void> {
    await eachPage(prefix, undefined, async (items) => {
      const old = items.filter((item) => item.modified < cutoff).map((item) => item.key);
      if (old.length > 0) await blob.delete(old);
    });
  }

  return {
    async save(recording, body, limits) {
      const receivedAt = now();
      const id = newRecordingId(receivedAt);
      const meter = audioMeter();
      // One stage checks the size, gathers small chunks into 64 KiB writes and feeds the meter.
      const limit = byteLimit(limits.maxBytes, limits.length, gatherer(PIECE, meter.feed));
      let bytes: number;
      try {
        bytes = await blob.putStream(audioKey(id), body.pipeThrough(limit.stream), {
          contentType: recording.contentType,
          ...(limits.length === undefined ? {} : { length: limits.length }),
        });
      } catch (error) {
        // The key is fresh, so removing whatever a backend may have kept loses nothing.
        await blob.delete([audioKey(id)]).catch(() => undefined);
        throw limit.failure() ?? storageError(error);
      }
      const measured = meter.seconds();
      let meta: RecordingMeta = {
        ...recording,
        id,
        receivedAt: receivedAt.toISOString(),
        bytes,
        ...(recording.durationSeconds !== undefined
          ? { durationFrom: 'kazoo' as const }
          : measured === undefined
            ? {}
            : { durationSeconds: Math.round(measured), durationFrom: 'audio' as const }),
      };
      const early = await pendingFacts(recording.callId).catch(() => undefined);
      if (early !== undefined) meta = withCallFacts(meta, early);
      try {
        await writeMeta(meta);
        await blob.putBytes(callPrefix(recording.callId) + id, '', 'text/plain');
      } catch (error) {
        await remove(meta).catch(() => undefined);
        throw storageError(error);
      }
      // A follow-up that raced us wrote its facts before looking for our marker: look again.
      const late = await pendingFacts(recording.callId).catch(() => undefined);
      const updated = late === undefined ? meta : withCallFacts(meta, late);
      if (differs(meta, updated)) {
        meta = updated;
        await writeMeta(meta).catch(() => undefined);
      }
      return meta;
    },

    get: readMeta,

    async open(id: string, range?: ByteRange) {
      if (!isRecordingId(id)) return null;
      return blob.getStream(audioKey(id), range);
    },

    async list({ cursor, limit }): Promise<RecordingPage> {
      if (cursor !== undefined && !isRecordingId(cursor)) {
        throw new PivotEdgeError('bad_cursor', 'The cursor is not one this API handed out.', 400, { cursor });
      }
      const { items, truncated } = await blob.list('meta/', {
        ...(cursor === undefined ? {} : { startAfter: metaKey(cursor) }),
        limit,
      });
      const ids = items.map((item) => item.key.slice('meta/'.length, -'.json'.length));
      const metas = await Promise.all(ids.map(readMeta));
      const last = ids.at(-1);
      return {
        items: metas.filter((meta): meta is RecordingMeta => meta !== null),
        ...(truncated && last !== undefined ? { cursor: last } : {}),
      };
    },

    async delete(id) {
      const meta = await readMeta(id);
      if (meta === null) return false;
      await remove(meta);
      return true;
    },

    async addCallFacts(callId, facts) {
      const known = await pendingFacts(callId);
      await blob.putBytes(factsKey(callId), JSON.stringify({ callId, facts: { ...known, ...facts } }), JSON_TYPE);
      const prefix = callPrefix(callId);
      const { items } = await blob.list(prefix, { limit: 100 });
      let changed = 0;
      for (const item of items) {
        const meta = await readMeta(item.key.slice(prefix.length));
        if (meta === null || meta.callId !== callId) continue;
        const updated = withCallFacts(meta, facts);
        if (!differs(meta, updated)) continue;
        await writeMeta(updated);
        changed++;
      }
      return changed;
    },

    async setHeard(id, heard) {
      const meta = await readMeta(id);
      if (meta === null || (meta.heard === true) === heard) return meta;
      const marked = { ...meta, heard };
      await writeMeta(marked);
      return marked;
    },

    async sweep(cutoff) {
      const deleted = await sweepPrefix('meta/', cutoff, async (key) => {
        const meta = await readMeta(key.slice('meta/'.length, -'.json'.length));
        if (meta !== null) await remove(meta);
        else await blob.delete([key]);
      });
      // Leftovers: audio whose metadata write failed, stale markers and early facts.
      await sweepPrefix('audio/', cutoff, (key) => blob.delete([key]));
      await sweepByAge('calls/', cutoff);
      await sweepByAge('facts/', cutoff);
      await sweepByAge('durations/', cutoff);
      return deleted;
    },
  };
}

const differs = (before: RecordingMeta, after: RecordingMeta): boolean => JSON.stringify(before) !== JSON.stringify(after);

function storageError(error: unknown): PivotEdgeError {
  if (isPivotEdgeError(error)) return error;
  // The cause stays in details for the log; it carries no secret (keys and bucket names only).
  return new PivotEdgeError('storage_failed', 'The recording could not be stored; retry later.', 503, {
    retryAfter: '5',
    cause: error instanceof Error ? error.message : String(error),
  });
}
