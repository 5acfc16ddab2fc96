// Just enough of the pool's `cloudflare:test` module for the recordings tests; the project's
// tsconfig does not load @cloudflare/workers-types (it would clash with the DOM lib).
declare module 'cloudflare:test' {
  export const env: { readonly RECORDINGS: import('../../shared/storage/r2.js').R2BucketLike };
  interface RecordingsTestContext {
    waitUntil(work: Promise<unknown>): void;
    passThroughOnException(): void;
  }
  export function createExecutionContext(): RecordingsTestContext;
  export function waitOnExecutionContext(ctx: RecordingsTestContext): Promise<void>;
}
