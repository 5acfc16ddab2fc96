/** A byte range inside a stored object: `length` bytes starting at `offset`. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

/** One listed object of a blob store. */
export interface BlobInfo {
  readonly key: string;
  readonly size: number;
  readonly modified: Date;
}

export interface BlobPutOptions {
  readonly contentType: string;
  /** Exact byte count when known up front (Content-Length); lets R2/S3 stream without buffering. */
  readonly length?: number;
}

/**
 * The few primitives a platform store must offer. The backends (`fs.ts`, `s3.ts`, `r2.ts`) are
 * the only code that touches a platform store; recordings logic lives in `store.ts` on top.
 * Keys are `[A-Za-z0-9._-]` segments joined by `/`, built by `store.ts` only.
 */
export interface BlobStore {
  /**
   * Streams `body` to a fresh `key` (never one in use). Atomic: the key shows the whole content or
   * nothing, never a part; when the stream errors or is cut off, this rejects and leaves nothing.
   * Resolves with the number of bytes stored.
   */
  putStream(key: string, body: ReadableStream<Uint8Array>, options: BlobPutOptions): Promise<number>;
  /** Stores a small value atomically (metadata, markers). */
  putBytes(key: string, data: Uint8Array<ArrayBuffer> | string, contentType: string): Promise<void>;
  /** The object's bytes (or the range of them); null when the key does not exist. */
  getStream(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  getText(key: string): Promise<string | null>;
  /** Keys under `prefix` (which ends in `/`) in ascending byte order, after `startAfter`. */
  list(prefix: string, options: { readonly startAfter?: string; readonly limit: number }): Promise<{
    readonly items: readonly BlobInfo[];
    readonly truncated: boolean;
  }>;
  /** Deletes keys; missing keys are not an error. */
  delete(keys: readonly string[]): Promise<void>;
}

/** Why a call went to voicemail, as the flow that recorded it said (`reason=` in the upload URL). */
export type ReasonKind = 'closed' | 'unanswered' | 'menu' | 'fallback' | 'vip' | 'lookup';

/**
 * What is known about the call a recording came from. Each source may know some of it: the
 * upload URL (Kazoo's record_call fields and our own query keys) and the TwiML `<Record action>`
 * request, which may arrive before or after the upload.
 */
export interface CallFacts {
  readonly callerIdNumber?: string;
  readonly callerIdName?: string;
  /** Kazoo's `from` and `to` as sent (`user@realm`). */
  readonly from?: string;
  readonly to?: string;
  /** The number the caller dialled. */
  readonly dialled?: string;
  readonly reasonKind?: ReasonKind;
  /** e.g. the holiday's name for `closed`. */
  readonly reasonDetail?: string;
  /** As Kazoo reported it (`duration_ms`, `RecordingDuration`). */
  readonly durationSeconds?: number;
}

/** What an upload tells us about a recording, before it is stored. */
export interface NewRecording extends CallFacts {
  /** Exactly as Kazoo named the call; metadata only, never part of a storage key as is. */
  readonly callId: string;
  /** The upload file name, decoded, e.g. `call_recording_abc.mp3`. */
  readonly name: string;
  readonly contentType: string;
}

/** The one metadata record kept per recording. */
export interface RecordingMeta extends NewRecording {
  /** Opaque id: 13 digits of inverted receive time, `-`, 12 hex digits. Sorts newest first. */
  readonly id: string;
  /** ISO 8601 instant the upload completed. */
  readonly receivedAt: string;
  readonly bytes: number;
  /** Set once the owner has listened (or marked it); absent on new recordings. */
  readonly heard?: boolean;
  /** Where `durationSeconds` came from: Kazoo's report, or the audio itself when Kazoo sent none. */
  readonly durationFrom?: 'kazoo' | 'audio';
}

export interface RecordingPage {
  readonly items: readonly RecordingMeta[];
  /** Pass back as `cursor` for the next (older) page; absent on the last page. */
  readonly cursor?: string;
}

/** Recordings over any BlobStore. Build it with `createRecordingStore`. */
export interface RecordingStore {
  /**
   * Streams the audio to storage and then commits the metadata record, which is what makes the
   * recording visible. Throws PivotEdgeError 413 past `maxBytes`, 400 when the body is not the declared length, 503 when the backend fails.
   */
  save(
    recording: NewRecording,
    body: ReadableStream<Uint8Array>,
    limits: { readonly maxBytes: number; readonly length?: number },
  ): Promise<RecordingMeta>;
  get(id: string): Promise<RecordingMeta | null>;
  /** The audio bytes (or a range of them); null when the recording does not exist. */
  open(id: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Newest first. */
  list(options: { readonly cursor?: string; readonly limit: number }): Promise<RecordingPage>;
  /** False when there was no such recording. */
  delete(id: string): Promise<boolean>;
  /**
   * Records what a `<Record action>` follow-up says about a call (caller, duration, ...) for
   * every recording of the call, now or when its upload lands later. What the upload itself
   * said wins, except that Kazoo's duration replaces one measured from the audio. Resolves with
   * how many stored recordings changed.
   */
  setHeard(id: string, heard: boolean): Promise<RecordingMeta | null>;
  addCallFacts(callId: string, facts: CallFacts): Promise<number>;
  /** Deletes recordings (and leftovers) received before `cutoff`; resolves with how many. */
  sweep(cutoff: Date): Promise<number>;
}
