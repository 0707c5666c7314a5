import type { ZodType } from 'zod';
import { errorResponse } from '../../contracts/common.js';

/**
 * A route's response schemas plus the shared error shape for the 4xx/5xx answers every route can
 * give, so the OpenAPI document shows both.
 */
export function responses<T extends Record<number, ZodType>>(ok: T) {
  return {
    ...ok,
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
    422: errorResponse,
    429: errorResponse,
    503: errorResponse,
    // The disk is full (docs/decisions/015-database-faults.md).
    507: errorResponse,
  };
}
