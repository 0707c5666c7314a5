import { describe, expect, it } from 'vitest';
import { displayKey, isSessionDate, revealsRealName, upcomingSessions } from './groups.js';

const now = new Date('2026-11-25T09:00:00.000Z'); // Wednesday 16:00 WIB

describe('peer group sessions', () => {
  it('lists a weekly group from today, leaving out a session already over', () => {
    const weekly = { kind: 'weekly' as const, weekday: 3, startTime: '15:30', durationMinutes: 60 };
    const sessions = upcomingSessions(weekly, 'Asia/Jakarta', '2026-11-25', now, new Set(['2026-12-02']), 3);
    // Wednesday 15:30–16:30 WIB has not ended at 16:00.
    expect(sessions.map((s) => [s.date, s.cancelled])).toEqual([
      ['2026-11-25', false],
      ['2026-12-02', true],
      ['2026-12-09', false],
    ]);
    const later = upcomingSessions(
      weekly,
      'Asia/Jakarta',
      '2026-11-25',
      new Date('2026-11-25T09:30:00.000Z'),
      new Set(),
    );
    expect(later[0]?.date).toBe('2026-12-02');
    expect(later).toHaveLength(6);
  });

  it('keeps dated sessions in order, once each, in the group’s zone', () => {
    const dated = {
      kind: 'dates' as const,
      dates: ['2026-12-10', '2026-11-20', '2026-12-01', '2026-12-10'],
      startTime: '09:00',
      durationMinutes: 90,
    };
    const sessions = upcomingSessions(dated, 'Asia/Jayapura', '2026-11-25', now, new Set());
    expect(sessions.map((s) => s.date)).toEqual(['2026-12-01', '2026-12-10']);
    expect(sessions[0]?.start.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(isSessionDate(dated, '2026-12-01')).toBe(true);
    expect(isSessionDate(dated, '2026-12-02')).toBe(false);
    expect(isSessionDate({ kind: 'weekly', weekday: 3, startTime: '09:00', durationMinutes: 60 }, '2026-12-02')).toBe(
      true,
    );
  });
});

describe('display names', () => {
  it('compare without case or extra spaces', () => {
    expect(displayKey('  Mawar   Putih ')).toBe('mawar putih');
  });

  it('refuse the real name or an obvious part of it', () => {
    expect(revealsRealName('siti rahmawati', 'Siti Rahmawati')).toBe(true);
    expect(revealsRealName('Rahmawati', 'Siti Rahmawati, S.Psi.')).toBe(true);
    expect(revealsRealName('Budi Santoso', 'Dr. Budi Santoso Wibowo')).toBe(true);
    expect(revealsRealName('Mawar', 'Siti Rahmawati')).toBe(false);
    expect(revealsRealName('Siti', 'Siti Rahmawati')).toBe(true);
    expect(revealsRealName('Si Kancil', 'Siti Rahmawati')).toBe(false);
  });
});
