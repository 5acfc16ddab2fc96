/**
 * The one error type of pivot-edge. Everything that goes wrong on purpose throws this;
 * `shared/http/errors.ts` is the one place that turns it into a response.
 */
export class PivotEdgeError extends Error {
  override readonly name = 'PivotEdgeError';

  /**
   * @param code    stable machine-readable code, e.g. `config_invalid`, `hours_syntax`, `not_found`
   * @param message what went wrong, for a person: name the variable/position and what was expected
   * @param status  HTTP status when this reaches a non-Pivot (management, upload) response
   * @param details structured extras (position, token found, expected, hint, variable, ...)
   */
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 500,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** True for our own error type (also across bundles, where `instanceof` may fail). */
export function isPivotEdgeError(error: unknown): error is PivotEdgeError {
  return error instanceof Error && error.name === 'PivotEdgeError' && 'code' in error;
}
