import { currentLocale, translate } from '../i18n.js';

/** Field path (as the server names it, e.g. `admin.password`) → localized message. */
export type FieldErrors = Record<string, string>;

/**
 * An answer other than 2xx, in the API's one error shape
 * `{ error: { code, message, details: [{ path, code, message }], requestId } }`. The message is
 * already in the person's language. Network failures have status 0 and code `network`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly requestId: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Not a final answer: the same request (same Idempotency-Key) may be sent again. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500 || this.code === 'idempotency_in_progress';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent as X-CSRF-Token on every write once the session is known. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type AuthFailure = 'unauthenticated' | 'two_factor_required' | 'two_factor_setup_required' | 'csrf';
type AuthFailureHandler = (kind: AuthFailure) => Promise<void> | void;
let authFailureHandler: AuthFailureHandler | null = null;

/** Set by the app: what to do when the session ends or owes a two-factor step. */
export function setAuthFailureHandler(handler: AuthFailureHandler | null): void {
  authFailureHandler = handler;
}

/** 128 random bits, URL-safe. getRandomValues works on plain-HTTP intranet installs too. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /**
   * Writes carry an Idempotency-Key so a retried submission is stored once. Pass a key to reuse
   * it across user retries, or `false` for requests whose body or answer holds a secret
   * (passwords, TOTP secrets, recovery codes): the server keeps request hashes and answers.
   */
  idempotencyKey?: string | false;
  signal?: AbortSignal;
  /** false: a 401/403 of this request is the caller's business (sign-in form, session probe). */
  handleAuth?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown; requestId?: string };
}

function fieldErrorsOf(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const d of details as Array<{ path?: unknown; message?: unknown }>) {
    const path = typeof d.path === 'string' && d.path !== '' ? d.path : '_form';
    if (typeof d.message === 'string' && !(path in errors)) errors[path] = d.message;
  }
  return errors;
}

/** Turns any non-2xx response into an ApiError. */
export async function errorFromResponse(
  status: number,
  text: string,
  headers: { get(name: string): string | null },
): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // Not our JSON (a proxy's HTML page): fall back to a generic message below.
  }
  const retryAfter = Number(headers.get('retry-after'));
  const code = body.error?.code ?? (status >= 500 ? 'internal' : 'unknown');
  const message = body.error?.message ?? translate(status >= 500 ? 'common.errors.server' : 'common.errors.unexpected');
  return new ApiError(
    status,
    code,
    message,
    fieldErrorsOf(body.error?.details),
    body.error?.requestId ?? headers.get('x-request-id'),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

const AUTH_CODES: Record<string, AuthFailure> = {
  unauthenticated: 'unauthenticated',
  session_expired: 'unauthenticated',
  two_factor_required: 'two_factor_required',
  two_factor_setup_required: 'two_factor_setup_required',
};

const WRITE_RETRY_DELAYS_MS = [400, 1200];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(
  method: string,
  path: string,
  options: RequestOptions,
  idempotencyKey: string | null,
): Promise<Response> {
  // The server words its messages in the session's language, else teduh_lang, else this header:
  // send the language on screen so a signed-out page and its errors agree.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', translate('common.errors.network'));
  }
}

/**
 * The typed fetch client: JSON both ways, same-origin cookies, CSRF header on writes, an
 * Idempotency-Key per write reused on automatic retries, and the error shape parsed into ApiError.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const isWrite = method !== 'GET';
  const key = isWrite && options.idempotencyKey !== false ? (options.idempotencyKey ?? newIdempotencyKey()) : null;
  let csrfRetried = false;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await send(method, path, options, key);
    } catch (err) {
      // A write that may not have arrived is sent again with the same key: stored once either way.
      if (key && err instanceof ApiError && attempt < WRITE_RETRY_DELAYS_MS.length) {
        await sleep(WRITE_RETRY_DELAYS_MS[attempt] ?? 1000);
        continue;
      }
      throw err;
    }
    if (response.ok) {
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
    const error = await errorFromResponse(response.status, await response.text(), response.headers);
    if (
      key &&
      (response.status === 503 || error.code === 'idempotency_in_progress') &&
      attempt < WRITE_RETRY_DELAYS_MS.length
    ) {
      await sleep(Math.max(WRITE_RETRY_DELAYS_MS[attempt] ?? 1000, (error.retryAfterSeconds ?? 0) * 1000));
      continue;
    }
    if (options.handleAuth !== false && authFailureHandler) {
      // The session's CSRF token changes when the session is renewed: fetch the new one, try once more.
      if (error.status === 403 && error.code === 'csrf' && !csrfRetried) {
        csrfRetried = true;
        await authFailureHandler('csrf');
        continue;
      }
      const failure = AUTH_CODES[error.code];
      if (failure && (error.status === 401 || error.status === 403)) await authFailureHandler(failure);
    }
    throw error;
  }
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', path, options),
};

export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void;
  idempotencyKey?: string;
}

/**
 * multipart/form-data upload through XMLHttpRequest, whose upload events give real progress
 * (fetch has none). Same CSRF header, key and error shape as `request`; a stale CSRF token is
 * renewed and the upload sent once more with the same key.
 */
export function upload<T>(
  path: string,
  form: FormData,
  options: UploadOptions = {},
): { promise: Promise<T>; abort: () => void } {
  const key = options.idempotencyKey ?? newIdempotencyKey();
  let current: XMLHttpRequest | null = null;
  const attempt = (csrfRetried: boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', path);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('accept-language', currentLocale());
      if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
      xhr.setRequestHeader('idempotency-key', key);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            resolve(JSON.parse(xhr.responseText) as T);
          } catch {
            reject(new ApiError(xhr.status, 'unexpected', translate('common.errors.unexpected')));
          }
          return;
        }
        void errorFromResponse(xhr.status, xhr.responseText, { get: (name) => xhr.getResponseHeader(name) }).then(
          async (error) => {
            if (error.status === 403 && error.code === 'csrf' && !csrfRetried && authFailureHandler) {
              await authFailureHandler('csrf');
              attempt(true).then(resolve, reject);
              return;
            }
            const failure = AUTH_CODES[error.code];
            if (failure && authFailureHandler && (error.status === 401 || error.status === 403))
              await authFailureHandler(failure);
            reject(error);
          },
        );
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', translate('common.errors.network')));
      xhr.onabort = () => reject(new ApiError(0, 'aborted', translate('common.errors.aborted')));
      xhr.send(form);
    });
  return { promise: attempt(false), abort: () => current?.abort() };
}
