import rateLimit from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { App } from '../app-types.js';
import type { Clock } from '../clock.js';
import { ctx } from '../http/context.js';
import { tooManyRequests } from '../http/errors.js';
import { windowRetryAfter, policyOfRoute, type RateLimitPolicy, type RateLimitRule } from '../http/rate-limit.js';
import { databaseRateLimitStore } from '../http/rate-limit-store.js';

type Limiter = (
  request: FastifyRequest,
) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttl: number }>;

/** Whose requests a rule counts for this request, or null when the rule does not apply to it. */
function subjectOf(rule: RateLimitRule, request: FastifyRequest): string | null {
  const c = ctx(request);
  const person = c.session?.person;
  if (rule.per === 'agency') return person ? `agency:${person.agencyId}` : null;
  if (rule.per === 'person' && person) return `person:${person.id}`;
  return `address:${c.ip}`;
}

/**
 * Rate limits on every route that costs or reveals (docs/decisions/014-rate-limits.md): @fastify/rate-limit counts, in
 * the database store, under the policy each route names (`config: rateLimited(limits.x)`) or
 * that its path implies (policyOfRoute). Runs after the access check, so the session is known.
 * Over a limit: 429 `rate_limited` in the API's error shape with a jittered Retry-After.
 * Register before the routes.
 */
export async function installRateLimits(
  app: App,
  deps: { db: Kysely<Database>; clock: Clock; log: FastifyBaseLogger },
): Promise<void> {
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps), skipOnError: true });
  const byPolicy = new Map<RateLimitPolicy, Limiter[]>();
  const limitersOf = (policy: RateLimitPolicy): Limiter[] => {
    let limiters = byPolicy.get(policy);
    if (!limiters) {
      limiters = policy.rules.map(
        (rule) =>
          app.createRateLimit({
            max: rule.max,
            timeWindow: rule.windowMs,
            keyGenerator: (request) => `${policy.name}:${subjectOf(rule, request) ?? ''}`,
            allowList: (request) => subjectOf(rule, request) === null,
          }) as Limiter,
      );
      byPolicy.set(policy, limiters);
    }
    return limiters;
  };

  app.addHook('onRoute', (route) => {
    const policy = policyOfRoute(route);
    if (!policy) return;
    const limiters = limitersOf(policy);
    const check = async (request: FastifyRequest) => {
      const results = await Promise.all(limiters.map((limit) => limit(request)));
      const exceeded = results.filter((r) => !r.isAllowed && r.isExceeded).map((r) => (r.isAllowed ? 0 : r.ttl));
      if (exceeded.length > 0) throw tooManyRequests(windowRetryAfter(Math.max(...exceeded)));
    };
    const existing = route.onRequest;
    route.onRequest = existing ? [...(Array.isArray(existing) ? existing : [existing]), check] : [check];
  });
}
