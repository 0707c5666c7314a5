import { describe, expect, it } from 'vitest';
import { windowRetryAfter, limits, policyOfRoute, rateLimited } from './rate-limit.js';

const route = (url: string, config: Record<string, unknown> = {}) => policyOfRoute({ url, config } as never);

describe('which routes are limited, and how', () => {
  it('classifies sign-in flows, exports and reads by id by their path', () => {
    expect(route('/api/v1/auth/sign-in')).toBe(limits.signIn);
    expect(route('/api/v1/auth/two-factor/verify')).toBe(limits.signIn);
    expect(route('/api/v1/auth/password-reset')).toBe(limits.signIn);
    expect(route('/api/v1/auth/invitations/:token/accept')).toBe(limits.signIn);
    expect(route('/api/v1/auth/email-change/:token/confirm')).toBe(limits.signIn);
    expect(route('/api/v1/me/assessments/fhir')).toBe(limits.export);
    // The "my data" export is covered by its path.
    expect(route('/api/v1/me/export')).toBe(limits.export);
    expect(route('/api/v1/me/export.html')).toBe(limits.export);
    expect(route('/api/v1/me/export/json')).toBe(limits.export);
    expect(route('/api/v1/people/:id')).toBe(limits.readById);
    expect(route('/api/v1/counselling/shared-results/:shareId')).toBe(limits.readById);
    expect(route('/api/v1/people')).toBeNull();
    expect(route('/healthz')).toBeNull();
  });

  it('a policy named in the route config wins over the path', () => {
    expect(route('/api/v1/campaigns/:id/stats', rateLimited(limits.figures))).toBe(limits.figures);
    expect(route('/api/v1/instruments/:id/score', rateLimited(limits.scoringPreview))).toBe(limits.scoringPreview);
  });

  it('every policy limits someone and has a distinct name (names are key prefixes)', () => {
    const all = Object.values(limits);
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
    for (const p of all) for (const r of p.rules) expect(r.max > 0 && r.windowMs > 0).toBe(true);
  });
});

describe('Retry-After', () => {
  it('is the rest of the window, spread by at most a tenth (and at most 5 s)', () => {
    expect(windowRetryAfter(30_000, () => 0)).toBe(30);
    expect(windowRetryAfter(30_000, () => 0.999)).toBe(33);
    expect(windowRetryAfter(3_600_000, () => 0.999)).toBe(3_605);
    expect(windowRetryAfter(0, () => 0)).toBe(1);
    const spread = new Set(Array.from({ length: 200 }, () => windowRetryAfter(60_000)));
    expect(spread.size).toBeGreaterThan(1);
    for (const s of spread) expect(s >= 60 && s <= 66).toBe(true);
  });
});
