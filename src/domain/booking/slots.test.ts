import { describe, expect, it } from 'vitest';
import {
  changeVerdict,
  freeSlots,
  isFreeSlot,
  reminderTimes,
  rulesOverlap,
  slotsByDay,
  type SlotQuery,
} from './slots.js';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

// Thursday 3 December 2026, 07:00 WIB.
const now = new Date('2026-12-03T00:00:00Z');
const base: SlotQuery = {
  rules: [{ weekday: 4, start: '09:00', end: '12:00', modes: ['in_person', 'video'] }],
  exceptions: [],
  booked: [],
  timeZone: WIB,
  slotMinutes: 50,
  from: '2026-12-03',
  days: 7,
  now,
};
const iso = (q: SlotQuery) => freeSlots(q).map((s) => s.start.toISOString());

describe('free slots (docs/decisions/040-booking.md)', () => {
  it.each([
    [
      'a morning rule cuts three 50-minute slots; the rest would run past 12:00',
      base,
      ['2026-12-03T02:00:00.000Z', '2026-12-03T02:50:00.000Z', '2026-12-03T03:40:00.000Z'],
    ],
    [
      'a rule in WITA is read on the WITA wall clock',
      { ...base, timeZone: WITA, now: new Date('2026-12-02T12:00:00Z') },
      ['2026-12-03T01:00:00.000Z', '2026-12-03T01:50:00.000Z', '2026-12-03T02:40:00.000Z'],
    ],
    [
      'a booked slot is gone',
      { ...base, booked: [{ start: new Date('2026-12-03T02:50:00Z'), end: new Date('2026-12-03T03:40:00Z') }] },
      ['2026-12-03T02:00:00.000Z', '2026-12-03T03:40:00.000Z'],
    ],
    [
      'a booking of another length removes every slot it touches',
      { ...base, booked: [{ start: new Date('2026-12-03T02:30:00Z'), end: new Date('2026-12-03T03:00:00Z') }] },
      ['2026-12-03T03:40:00.000Z'],
    ],
    [
      'too soon: minimum notice of two hours from 08:30 WIB leaves 10:40 only',
      { ...base, now: new Date('2026-12-03T01:30:00Z') },
      ['2026-12-03T03:40:00.000Z'],
    ],
    ['past slots are never offered', { ...base, now: new Date('2026-12-03T06:00:00Z') }, []],
    ['leave covers the day', { ...base, exceptions: [{ startsOn: '2026-12-01', endsOn: '2026-12-03' }] }, []],
    ['a day off of the agency calendar', { ...base, daysOff: new Set(['2026-12-03']) }, []],
    ['a day with no rule has no slot', { ...base, from: '2026-12-04', days: 6 }, []],
  ] as [string, SlotQuery, string[]][])('%s', (_name, q, expected) => {
    expect(iso(q)).toEqual(expected);
  });

  it('repeats weekly over the range and gives each slot the modes of its rule', () => {
    const slots = freeSlots({ ...base, days: 14 });
    expect(slots).toHaveLength(6);
    expect(slots[3]?.start.toISOString()).toBe('2026-12-10T02:00:00.000Z');
    expect(slots[0]?.modes).toEqual(['in_person', 'video']);
  });

  it('offers a start once when two rules overlap', () => {
    const rules = [base.rules[0]!, { weekday: 4, start: '09:00', end: '10:00', modes: ['phone' as const] }];
    expect(iso({ ...base, rules })).toHaveLength(3);
  });

  it('reads each slot on the wall clock even on a day the offset changes (zones are data)', () => {
    // Europe/Berlin moves from +01:00 to +02:00 at 02:00 on Sunday 29 March 2026.
    const q: SlotQuery = {
      ...base,
      timeZone: 'Europe/Berlin',
      rules: [{ weekday: 7, start: '09:00', end: '10:00', modes: ['video'] }],
      from: '2026-03-28',
      days: 2,
      now: new Date('2026-03-01T00:00:00Z'),
    };
    expect(iso(q)).toEqual(['2026-03-29T07:00:00.000Z']);
  });

  it('answers whether one instant is a free slot', () => {
    expect(isFreeSlot(base, new Date('2026-12-03T02:50:00Z'))).toBeDefined();
    expect(isFreeSlot(base, new Date('2026-12-03T02:55:00Z'))).toBeUndefined();
  });

  it('groups slots by the client’s own day: a late WIB slot is the next day in WIT', () => {
    const late = freeSlots({ ...base, rules: [{ weekday: 4, start: '21:00', end: '22:00', modes: ['video'] }] });
    expect(slotsByDay(late, WIB).map((d) => d.date)).toEqual(['2026-12-03']);
    expect(slotsByDay(late, WIT).map((d) => d.date)).toEqual(['2026-12-03']);
    const later = freeSlots({ ...base, rules: [{ weekday: 4, start: '22:30', end: '23:30', modes: ['video'] }] });
    expect(slotsByDay(later, WIT).map((d) => d.date)).toEqual(['2026-12-04']);
  });
});

describe('notice rules', () => {
  const start = new Date('2026-12-03T05:00:00Z');
  it.each([
    ['a day ahead', '2026-12-02T05:00:00Z', 'allowed'],
    ['exactly two hours ahead', '2026-12-03T03:00:00Z', 'allowed'],
    ['an hour ahead', '2026-12-03T04:00:00Z', 'too_late'],
    ['at the start', '2026-12-03T05:00:00Z', 'past'],
  ])('%s → %s', (_n, at, verdict) => {
    expect(changeVerdict(new Date(at), start)).toBe(verdict);
  });

  it('puts reminders a day and an hour before', () => {
    expect(reminderTimes(start, ['day_before', 'hour_before']).map((r) => r.at.toISOString())).toEqual([
      '2026-12-02T05:00:00.000Z',
      '2026-12-03T04:00:00.000Z',
    ]);
  });

  it('finds overlapping rules of one weekday', () => {
    const r = (weekday: number, s: string, e: string) => ({ weekday, start: s, end: e, modes: ['video' as const] });
    expect(rulesOverlap([r(1, '09:00', '12:00'), r(1, '11:00', '13:00')])).toBe(true);
    expect(rulesOverlap([r(1, '09:00', '12:00'), r(1, '12:00', '13:00'), r(2, '09:00', '12:00')])).toBe(false);
  });
});
