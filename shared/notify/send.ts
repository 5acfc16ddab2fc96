export interface SendOptions {
  /** Attempts in all (default 4). */
  readonly attempts?: number;
  /** First retry delay; doubles each time (default 500 ms). */
  readonly baseDelayMs?: number;
  /** Per attempt (default 5 s). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type SendResult = { readonly ok: true; readonly attempts: number } | { readonly ok: false; readonly attempts: number; readonly error: string };

/**
 * POSTs `body` as JSON, retrying network errors, 429 and 5xx with exponential backoff a bounded
 * number of times. Never throws: a notice must not fail the upload it is about.
 */
export async function postJson(url: string, body: unknown, options: SendOptions = {}): Promise<SendResult> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let error = '';
  let attempt = 1;
  for (; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep((options.baseDelayMs ?? 500) * 2 ** (attempt - 2));
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, attempts: attempt };
      error = `HTTP ${response.status}`;
      // Asking again will not change a refusal: one attempt is all it took.
      if (response.status < 500 && response.status !== 429 && response.status !== 408) return { ok: false, attempts: attempt, error };
    } catch (cause) {
      // What an operator can act on: no answer in time, or the socket's error code (ECONNREFUSED), never the URL.
      const code = cause instanceof Error ? (cause.cause as { code?: unknown } | undefined)?.code : undefined;
      error = cause instanceof Error && cause.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : typeof code === 'string' ? code : cause instanceof Error ? cause.name : 'network error';
    }
  }
  return { ok: false, attempts: attempt - 1, error };
}
