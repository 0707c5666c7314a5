import type { RouteOptions } from 'fastify';
import { jitteredRetryAfter } from './retry-after.js';

/**
 * Rate limits (docs/decisions/014-rate-limits.md): named policies that a route opts
 * into, counted by @fastify/rate-limit in a store on our database, so every app instance shares
 * the counts. Each policy has one or more rules; a request must pass every rule of its route.
 *
 *  - `person`: the signed-in person; an anonymous request is counted by its address instead.
 *  - `agency`: everyone signed in to one agency together (skipped for anonymous requests).
 *  - `address`: the client address, signed in or not (sign-in flows, public previews).
 *
 * The numbers are chosen so that real use never meets them (a counsellor paging through a queue,
 * a wellbeing admin refreshing figures, an office of hundreds behind one NAT address signing in
 * at 08:00) while probes do (1,000 id probes, 200 figure views in 6 s, 100 exports).
 */
export type RateLimitSubject = 'person' | 'agency' | 'address';

export interface RateLimitRule {
  per: RateLimitSubject;
  max: number;
  windowMs: number;
}

export interface RateLimitPolicy {
  /** Part of every counter key: two routes with one policy share their counts. */
  name: string;
  rules: readonly RateLimitRule[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The policies. Add a new one here, with a line in decision 014 saying why its numbers fit. */
export const limits = {
  /** Any route with an id in its path (`:id`, `:shareId`, `:token`…), unless it names another policy. */
  readById: {
    name: 'by-id',
    rules: [
      { per: 'person', max: 300, windowMs: MINUTE },
      { per: 'agency', max: 6_000, windowMs: MINUTE },
    ],
  },
  /** Aggregate views: campaign figures (and any future aggregate). */
  figures: {
    name: 'figures',
    rules: [
      { per: 'person', max: 60, windowMs: MINUTE },
      { per: 'agency', max: 300, windowMs: MINUTE },
    ],
  },
  /** Exports of a person's data: FHIR, and the "my data" export. */
  export: {
    name: 'export',
    rules: [
      { per: 'person', max: 20, windowMs: HOUR },
      { per: 'agency', max: 1_000, windowMs: HOUR },
    ],
  },
  /**
   * Sign-in flows, per address: generous (a whole office signs in through one NAT address); the
   * per-account sign-in throttling of the auth module stays the guard against guessing.
   */
  signIn: {
    name: 'sign-in',
    rules: [{ per: 'address', max: 300, windowMs: MINUTE }],
  },
  /**
   * A survey answer: its path has an id, but it reads nothing back and stores at most one answer
   * per person and survey, so there is nothing to count — and a counter would cost each answer
   * its own disk sync outside the group commit (docs/decisions/014-rate-limits.md).
   */
  oneAnswerEach: {
    name: 'one-answer-each',
    rules: [],
  },
  /** The public scoring preview: plenty for a person, little for a scraper. */
  scoringPreview: {
    name: 'score-preview',
    rules: [{ per: 'address', max: 60, windowMs: MINUTE }],
  },
} as const satisfies Record<string, RateLimitPolicy>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The rate-limit policy of this route; see rateLimited() and policyOfRoute(). */
    rateLimitPolicy?: RateLimitPolicy;
  }
}

/** Route config naming a route's rate-limit policy; spread beside access(): `{ ...access('x'), ...rateLimited(limits.export) }`. */
export function rateLimited(policy: RateLimitPolicy): { rateLimitPolicy: RateLimitPolicy } {
  return { rateLimitPolicy: policy };
}

/** Sign-in flows by path: owned by the auth module, classified here so that module stays untouched. */
const SIGN_IN_FLOWS = [
  '/api/v1/auth/sign-in',
  '/api/v1/auth/two-factor/verify',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/:token',
  '/api/v1/auth/invitations/:token',
  '/api/v1/auth/invitations/:token/accept',
  // The old address confirms an admin's email change with a one-time token (decision 011).
  '/api/v1/auth/email-change/:token/confirm',
];

/** Exports by path: the FHIR export, and anything under /api/v1/me/export (the "my data" export). */
const EXPORT = /^\/api\/v1\/(me\/assessments\/fhir|me\/export)(\/|$|\.)|\/export(\/|$|\.)/;

/**
 * The policy a route runs under: the one it names in its config, else by its path — a sign-in
 * flow, an export, or any path with a parameter (a read by id) — else none.
 */
export function policyOfRoute(route: Pick<RouteOptions, 'url' | 'config'>): RateLimitPolicy | null {
  const named = (route.config as { rateLimitPolicy?: RateLimitPolicy } | undefined)?.rateLimitPolicy;
  if (named) return named;
  const url = route.url;
  if (!url.startsWith('/api/')) return null;
  if (SIGN_IN_FLOWS.includes(url)) return limits.signIn;
  if (EXPORT.test(url)) return limits.export;
  if (url.includes('/:')) return limits.readById;
  return null;
}

/**
 * Seconds to ask a client to wait: the rest of the window plus a little random spread (up to a
 * tenth, at most 5 s), so clients told to wait do not all come back in the same second.
 */
export function windowRetryAfter(ttlMs: number, random: () => number = Math.random): number {
  const base = Math.max(1, Math.ceil(ttlMs / 1000));
  return jitteredRetryAfter(base, Math.min(5, Math.ceil(base / 10)), random);
}
