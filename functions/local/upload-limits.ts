import { PivotEdgeError } from '../../shared/errors.js';
import type { UploadAdmission } from '../recordings/upload.js';

/** What one local server lets uploads hold of its process (README "Recordings": limits on the local server). */
export interface UploadLimits {
  /** Uploads received at once; one more is answered 503 with `Retry-After`. */
  readonly maxConcurrent: number;
  /** A body still arriving must bring at least this many bytes a second ... */
  readonly minBytesPerSecond: number;
  /** ... over every window of this many milliseconds spent waiting for it; else 408. */
  readonly windowMs: number;
}

/**
 * 8 at once: Kazoo uploads a message when the call ends, in well under a second, so 8 is many
 * messages a second, while 8 x MAX_RECORDING_MB bounds the disk held by bodies in flight. 64 KiB
 * a second over 10 s: Kazoo and FreeSWITCH send a finished file from a data centre at MB/s; a body
 * that trickles slower, or stalls for 10 s, is someone holding a place, not a voicemail.
 */
export const UPLOAD_LIMITS: UploadLimits = { maxConcurrent: 8, minBytesPerSecond: 64 * 1024, windowMs: 10_000 };

/** Seconds a refused upload is asked to wait; Kazoo's own retry comes 5 s later in any case. */
export const RETRY_AFTER_SECONDS = 5;

/** The local server's UploadAdmission: a counting semaphore, and every admitted body paced. */
export function uploadAdmission(limits: UploadLimits = UPLOAD_LIMITS): UploadAdmission {
  let inFlight = 0;
  return {
    admit(body) {
      if (inFlight >= limits.maxConcurrent) {
        throw new PivotEdgeError('busy', `${limits.maxConcurrent} uploads are already being received; retry in ${RETRY_AFTER_SECONDS} s.`, 503, {
          retryAfter: String(RETRY_AFTER_SECONDS),
        });
      }
      inFlight += 1;
      let released = false;
      return {
        body: pacedBody(body, limits),
        release: () => {
          if (!released) inFlight -= 1;
          released = true;
        },
      };
    },
  };
}

/**
 * `source`, failing with 408 once a window of `windowMs` spent waiting for the sender brings fewer
 * than `minBytesPerSecond` x the window's seconds. Only time spent waiting on the sender counts: while
 * the store is slow to take a piece, nothing is read and the clock stands still. One timer per window,
 * not per piece.
 */
export function pacedBody(source: ReadableStream<Uint8Array>, { minBytesPerSecond, windowMs }: Pick<UploadLimits, 'minBytesPerSecond' | 'windowMs'>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const needed = (minBytesPerSecond * windowMs) / 1000;
  let spent = 0;
  let arrived = 0;
  let waitingSince: number | undefined;
  let interrupt: ((error: PivotEdgeError) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tooSlow = (): PivotEdgeError =>
    new PivotEdgeError('upload_too_slow', `The upload arrived slower than ${minBytesPerSecond} bytes a second over ${windowMs / 1000} s; nothing was stored.`, 408);
  const arm = (ms: number): void => {
    timer = setTimeout(check, ms);
    timer.unref?.();
  };
  // Judges a window whose time is up, but only while the sender is the one being waited for.
  function check(): void {
    timer = undefined;
    if (waitingSince === undefined) return;
    const used = spent + (Date.now() - waitingSince);
    if (used < windowMs) return arm(windowMs - used);
    if (arrived < needed) return interrupt?.(tooSlow());
    spent = 0;
    arrived = 0;
    waitingSince = Date.now();
    arm(windowMs);
  }
  const stop = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        waitingSince = Date.now();
        if (timer === undefined) arm(windowMs - spent);
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => {
            interrupt = reject;
            reader.read().then(resolve, reject);
          });
        } catch (error) {
          stop();
          await reader.cancel(error).catch(() => undefined);
          throw error;
        } finally {
          interrupt = undefined;
          if (waitingSince !== undefined) spent += Date.now() - waitingSince;
          waitingSince = undefined;
        }
        if (result.done) {
          stop();
          controller.close();
          return;
        }
        arrived += result.value.byteLength;
        if (spent >= windowMs) {
          if (arrived < needed) {
            stop();
            await reader.cancel().catch(() => undefined);
            throw tooSlow();
          }
          spent = 0;
          arrived = 0;
        }
        controller.enqueue(result.value);
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
