/**
 * The one error shape of the API: `{ "error": { "code", "message", "details", "requestId" } }`
 * (docs/architecture.md). Services throw AppError with a code; the error handler localizes the message.
 */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `email` or `rows.3.nip`. */
  path: string;
  /** Machine-readable problem code, e.g. `nip.wrong_length`. */
  code: string;
  /** Localized text for a person. */
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
    /** Headers to send with the error, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** A validation failure found by a service (not by the schema), with per-field problems. */
export class FieldValidationError extends AppError {
  constructor(
    readonly problems: Array<{ path: string; key: string; params?: Record<string, unknown> }>,
    /** The error code of the answer, e.g. `answers_invalid` for answers the scorer refused. */
    code = 'validation',
  ) {
    super(422, code);
  }
}

export const unauthenticated = (code = 'unauthenticated') => new AppError(401, code);
export const forbidden = () => new AppError(403, 'forbidden');
export const notFound = () => new AppError(404, 'not_found');
export const conflict = (code = 'conflict', params: Record<string, unknown> = {}) => new AppError(409, code, params);
export const unprocessable = (code: string, params: Record<string, unknown> = {}) => new AppError(422, code, params);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', { seconds: retryAfterSeconds }, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
