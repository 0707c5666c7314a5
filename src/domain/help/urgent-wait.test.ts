import { describe, expect, it } from 'vitest';
import { isOverdue, minutesBetween, URGENT_OVERDUE_MINUTES, waitParts } from './urgent-wait.js';

const at = (iso: string) => new Date(iso);

describe('the urgent queue waiting time', () => {
  it('counts whole minutes, never below zero', () => {
    expect(minutesBetween('2026-12-03T01:00:00Z', at('2026-12-03T01:25:59Z'))).toBe(25);
    expect(minutesBetween('2026-12-03T01:00:30Z', at('2026-12-03T01:00:00Z'))).toBe(0);
  });

  it('marks an open request overdue from the threshold on, and never one someone has taken up', () => {
    const createdAt = '2026-12-03T01:00:00Z';
    const edge = new Date(Date.parse(createdAt) + URGENT_OVERDUE_MINUTES * 60_000);
    expect(isOverdue({ status: 'open', createdAt }, new Date(edge.getTime() - 1000))).toBe(false);
    expect(isOverdue({ status: 'open', createdAt }, edge)).toBe(true);
    expect(isOverdue({ status: 'acknowledged', createdAt }, at('2026-12-04T01:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'closed', createdAt }, at('2026-12-04T01:00:00Z'))).toBe(false);
  });

  it('says a wait in minutes, then hours, then days', () => {
    expect(waitParts(0)).toEqual({ unit: 'minutes', count: 0 });
    expect(waitParts(59)).toEqual({ unit: 'minutes', count: 59 });
    expect(waitParts(60)).toEqual({ unit: 'hours', count: 1 });
    expect(waitParts(47 * 60 + 59)).toEqual({ unit: 'hours', count: 47 });
    expect(waitParts(48 * 60)).toEqual({ unit: 'days', count: 2 });
  });
});
