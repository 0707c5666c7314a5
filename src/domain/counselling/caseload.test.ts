import { describe, expect, it } from 'vitest';
import {
  ACTIVE_WINDOW_DAYS,
  compareCaseload,
  isActiveClient,
  matchesName,
  type CaseloadOrderable,
} from './caseload.js';

const now = new Date('2026-11-23T02:00:00.000Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
const row = (name: string, nextStart: string | null, lastHeld: string | null): CaseloadOrderable => ({
  name,
  nextStart,
  lastHeld,
  lastSeen: lastHeld,
});

describe('isActiveClient', () => {
  it.each([
    ['an appointment ahead', { nextStart: '2026-11-30T02:00:00.000Z', lastSeen: null }, true],
    ['a session yesterday', { nextStart: null, lastSeen: daysAgo(1) }, true],
    ['a session exactly at the window edge', { nextStart: null, lastSeen: daysAgo(ACTIVE_WINDOW_DAYS) }, true],
    ['a session a day past the window', { nextStart: null, lastSeen: daysAgo(ACTIVE_WINDOW_DAYS + 1) }, false],
    ['nothing but a shared result', { nextStart: null, lastSeen: null }, false],
  ])('%s → %s', (_, input, expected) => {
    expect(isActiveClient(input, now)).toBe(expected);
  });
});

describe('compareCaseload', () => {
  it('puts the soonest next appointment first, then the most recent session, then the name', () => {
    const rows = [
      row('Zainal', null, null),
      row('Budi', null, daysAgo(30)),
      row('Ani', '2026-11-25T02:00:00.000Z', daysAgo(200)),
      row('Citra', null, daysAgo(2)),
      row('Dewi', '2026-11-24T02:00:00.000Z', null),
      row('Agus', null, null),
    ];
    expect([...rows].sort(compareCaseload).map((r) => r.name)).toEqual([
      'Dewi',
      'Ani',
      'Citra',
      'Budi',
      'Agus',
      'Zainal',
    ]);
  });

  it('is a consistent order: antisymmetric on every pair', () => {
    const rows = [
      row('A', null, null),
      row('B', null, daysAgo(3)),
      row('C', daysAgo(-1), null),
      row('D', null, daysAgo(3)),
    ];
    for (const a of rows)
      for (const b of rows) expect(Math.sign(compareCaseload(a, b)) + Math.sign(compareCaseload(b, a))).toBe(0);
  });
});

describe('matchesName', () => {
  it.each([
    ['Siti Rahayu', '', true],
    ['Siti Rahayu', undefined, true],
    ['Siti Rahayu', 'siti', true],
    ['Siti Rahayu', 'RAHAYU  siti', true],
    ['René Wibowo', 'rene', true],
    ['Siti Rahayu', 'budi', false],
    ['Siti Rahayu', 'siti budi', false],
  ])('%s with "%s" → %s', (name, search, expected) => {
    expect(matchesName(name, search)).toBe(expected);
  });
});
