// One fuzz case: a request exactly as it goes on the wire, and the statuses that are right for it.

/** The Pivot-facing routes: the three Pivot endpoints, and the two ways Kazoo reaches recordings. */
export type FuzzEndpoint = 'front-desk' | 'collected' | 'gathered' | 'uploads' | 'record-action';
export const FUZZ_ENDPOINTS: readonly FuzzEndpoint[] = ['front-desk', 'collected', 'gathered', 'uploads', 'record-action'];

/** How the body is put on the wire. */
export type Framing =
  | { readonly kind: 'length' }
  /** Sent with `Transfer-Encoding: chunked`, in pieces of these sizes. */
  | { readonly kind: 'chunked'; readonly sizes: readonly number[] }
  /** `Content-Length` says fewer bytes than follow: the rest reads as garbage after the request. */
  | { readonly kind: 'short-length'; readonly declared: number }
  /** `Content-Length` says more than is sent; the client then half-closes (gives up). */
  | { readonly kind: 'long-length-then-close'; readonly declared: number }
  /** `Content-Length` says more than is sent, and the client waits (the server must not). */
  | { readonly kind: 'long-length-then-wait'; readonly declared: number }
  /** Chunked framing that is not (a size that is not hex). */
  | { readonly kind: 'bad-chunks' };

export interface FuzzCase {
  readonly endpoint: FuzzEndpoint;
  readonly index: number;
  /** What was tried, for the report: `lying Content-Length`, `10,000 parameters`, ... */
  readonly kind: string;
  readonly method: string;
  /** Path and query exactly as sent, escapes as written (may hold bytes no URL parser takes). */
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
  readonly framing: Framing;
  /** Right answers over HTTP. A 200 must also be a flow Kazoo runs; a 201 must name the stored recording. */
  readonly expect: readonly number[];
  /** Right answers through `app.fetch` (the Node HTTP layer is not there), or `skip` when no Request can say it. */
  readonly inProcess: readonly number[] | 'skip';
}

/** Node's limit on a request line and headers together (`--max-http-header-size`). */
export const NODE_MAX_HEAD = 16 * 1024;

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const NO_BODY = new Uint8Array(0);
