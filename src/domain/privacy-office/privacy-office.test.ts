import { describe, expect, it } from 'vitest';
import { isBurst, isExportAction, windowBucket } from './alert-rules.js';
import { breachClock } from './breach-clock.js';
import { isWithinBounds, RETENTION_CLASSES, RETENTION_RULES, retentionCutoff } from './retention.js';

describe('retention schedule', () => {
  it('has defaults inside their own bounds', () => {
    for (const c of RETENTION_CLASSES) {
      const r = RETENTION_RULES[c];
      expect(isWithinBounds(c, r.days), c).toBe(true);
    }
  });
  it('refuses days outside the bounds and fractions', () => {
    expect(isWithinBounds('assessment_results', 89)).toBe(false);
    expect(isWithinBounds('assessment_results', 1826)).toBe(false);
    expect(isWithinBounds('assessment_results', 100.5)).toBe(false);
    expect(isWithinBounds('assessment_results', 90)).toBe(true);
  });
  it('cuts off exactly `days` before now', () => {
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 30).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('breach clock (3×24 h from discovery)', () => {
  const found = new Date('2026-05-01T08:00:00Z');
  it('runs for 72 hours, then is overdue', () => {
    const c = breachClock(found, new Date('2026-05-03T08:00:00Z'), { subjectsAt: null, authorityAt: null });
    expect(c).toEqual({ deadline: '2026-05-04T08:00:00.000Z', remainingMs: 24 * 3600_000, state: 'running' });
    expect(breachClock(found, new Date('2026-05-04T08:00:01Z'), { subjectsAt: null, authorityAt: null }).state).toBe(
      'overdue',
    );
  });
  it('is met only when both notices went out in time', () => {
    const inTime = new Date('2026-05-02T08:00:00Z');
    const late = new Date('2026-05-05T08:00:00Z');
    expect(breachClock(found, late, { subjectsAt: inTime, authorityAt: null }).state).toBe('overdue');
    expect(breachClock(found, late, { subjectsAt: inTime, authorityAt: inTime }).state).toBe('met');
    expect(breachClock(found, late, { subjectsAt: inTime, authorityAt: late }).state).toBe('late');
  });
});

describe('alert rules', () => {
  it('raises at the threshold, once per window bucket', () => {
    expect(isBurst(19, 20)).toBe(false);
    expect(isBurst(20, 20)).toBe(true);
    const w = 10 * 60_000;
    expect(windowBucket(new Date(0), w)).toBe(windowBucket(new Date(w - 1), w));
    expect(windowBucket(new Date(w), w)).toBe(1);
  });
  it('recognises export actions by name', () => {
    expect(isExportAction('assessment.fhir_exported')).toBe(true);
    expect(isExportAction('privacy.export_downloaded')).toBe(true);
    expect(isExportAction('org.person_viewed')).toBe(false);
  });
});
