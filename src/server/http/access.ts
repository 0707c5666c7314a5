import type { FastifyRequest } from 'fastify';
import { hasPermission, type Permission } from '../../domain/access/permissions.js';
import { ctx } from './context.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

/**
 * What a route requires, declared on every route:
 *  - 'public':          anyone, no session (health checks, sign-in, set-up, the scoring preview)
 *  - 'signed-in':       any person whose sign-in is complete (two-factor passed where required)
 *  - 'signed-in:partial': a password-verified session that may still owe a two-factor step
 *                       (the two-factor routes themselves, sign-out, "who am I")
 *  - a Permission:      a complete sign-in holding that named permission
 */
export type Access = 'public' | 'signed-in' | 'signed-in:partial' | Permission;

export interface RouteAccessConfig {
  access: Access;
  /**
   * The request or response carries a secret (a password, a TOTP secret, recovery codes): such a
   * route never stores its body or its answer for idempotent replay.
   */
  carriesSecrets?: boolean;
}

/** Route config carrying the declared access; spread into a route's `config`. */
export function access(required: Access, options: { carriesSecrets?: boolean } = {}): RouteAccessConfig {
  return { access: required, ...options };
}

/** Checks the declared access for a request. Runs in onRequest, before the body is parsed. */
export function authorize(required: Access, request: FastifyRequest): void {
  if (required === 'public') return;
  const session = ctx(request).session;
  if (!session) throw unauthenticated();
  if (required === 'signed-in:partial') return;
  if (session.stage === 'two_factor') throw unauthenticated('two_factor_required');
  if (session.stage === 'two_factor_setup') throw new AppError(403, 'two_factor_setup_required');
  if (required === 'signed-in') return;
  if (!hasPermission(session.actor, required)) throw forbidden();
}
