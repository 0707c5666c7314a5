import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weeklySpanHours } from '../schedule/working-hours.js';
import { localParts } from '../schedule/zoned-time.js';
import {
  allowedWindow,
  decideDelivery,
  personalHoursProblem,
  RAMADAN_BREAK_MINUTES,
  RAMADAN_HOURS,
  type BoundaryPolicy,
} from './delivery.js';
import { NATIONAL_CALENDARS, observedDaysOff } from './holidays.js';
import { EMAIL_CLASSES, isHoldableEmail, isHoldableNotification, NOTIFICATION_CLASSES } from './messages.js';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

const daysOff = observedDaysOff([]);
// Ramadan 1447 H as an agency might set it (the government's isbat decides each year).
const RAMADAN_2026 = [{ startsOn: '2026-02-19', endsOn: '2026-03-19' }];

type Row = [label: string, instant: string, policy: BoundaryPolicy, expected: string | 'now'];

const rows: Row[] = [
  // Working hours in each zone (Perpres 21/2023: 07:30–16:00, Friday to 16:30).
  ['WIB Monday 07:29 waits a minute', '2026-11-23T00:29:00Z', { timeZone: WIB, daysOff }, '2026-11-23T00:30:00.000Z'],
  ['WIB Monday 07:30 goes', '2026-11-23T00:30:00Z', { timeZone: WIB, daysOff }, 'now'],
  ['WIB Monday 15:59 goes', '2026-11-23T08:59:00Z', { timeZone: WIB, daysOff }, 'now'],
  [
    'WIB Monday 16:00 waits for Tuesday',
    '2026-11-23T09:00:00Z',
    { timeZone: WIB, daysOff },
    '2026-11-24T00:30:00.000Z',
  ],
  ['WITA Friday 16:29 goes', '2026-11-27T08:29:00Z', { timeZone: WITA, daysOff }, 'now'],
  [
    'WITA Friday 16:30 waits for Monday',
    '2026-11-27T08:30:00Z',
    { timeZone: WITA, daysOff },
    '2026-11-29T23:30:00.000Z',
  ],
  [
    'WIT Saturday waits for Monday 07:30 WIT',
    '2026-11-28T03:00:00Z',
    { timeZone: WIT, daysOff },
    '2026-11-29T22:30:00.000Z',
  ],
  ['WIT Monday 07:30 is 05:30 WIB', '2026-11-29T22:30:00Z', { timeZone: WIT, daysOff }, 'now'],
  [
    'the same instant is too early in WIB',
    '2026-11-29T22:30:00Z',
    { timeZone: WIB, daysOff },
    '2026-11-30T00:30:00.000Z',
  ],
  // Midnight: the local date, not UTC's, decides.
  [
    'WIB Monday 23:59 waits for Tuesday',
    '2026-11-23T16:59:00Z',
    { timeZone: WIB, daysOff },
    '2026-11-24T00:30:00.000Z',
  ],
  [
    'WIT Tuesday 00:00 (Monday in UTC) waits for 07:30',
    '2026-11-23T15:00:00Z',
    { timeZone: WIT, daysOff },
    '2026-11-23T22:30:00.000Z',
  ],
  // Holidays and cuti bersama (SKB 2026).
  ['Independence Day, a Monday', '2026-08-17T03:00:00Z', { timeZone: WIB, daysOff }, '2026-08-18T00:30:00.000Z'],
  [
    'Christmas Eve cuti bersama, Christmas, the weekend',
    '2026-12-24T02:00:00Z',
    { timeZone: WIB, daysOff },
    '2026-12-28T00:30:00.000Z',
  ],
  [
    'a cuti bersama the agency works is a working day',
    '2026-12-24T02:00:00Z',
    { timeZone: WIB, daysOff: observedDaysOff([{ date: '2026-12-24', kind: 'not_observed' }]) },
    'now',
  ],
  [
    'a libur nasional cannot be worked away',
    '2026-12-25T02:00:00Z',
    { timeZone: WIB, daysOff: observedDaysOff([{ date: '2026-12-25', kind: 'not_observed' }]) },
    '2026-12-28T00:30:00.000Z',
  ],
  [
    'a regional holiday the agency added',
    '2026-11-23T02:00:00Z',
    { timeZone: WITA, daysOff: observedDaysOff([{ date: '2026-11-23', kind: 'regional' }]) },
    '2026-11-23T23:30:00.000Z',
  ],
  // Year boundary: New Year 2027, then the weekend.
  ['New Year’s Eve after hours, WIT', '2026-12-31T08:00:00Z', { timeZone: WIT, daysOff }, '2027-01-03T22:30:00.000Z'],
  // Lebaran 2026: Ramadan ends, then Nyepi, Idulfitri and cuti bersama run from Wed 18 to Tue 24 March.
  [
    'the last Ramadan afternoon before Lebaran waits eight days',
    '2026-03-17T08:00:00Z',
    { timeZone: WIB, daysOff, ramadan: RAMADAN_2026 },
    '2026-03-25T00:30:00.000Z',
  ],
  // Ramadan: 08:00–15:00, Friday to 15:30.
  [
    'Ramadan Monday 07:45 waits for 08:00',
    '2026-03-02T00:45:00Z',
    { timeZone: WIB, daysOff, ramadan: RAMADAN_2026 },
    '2026-03-02T01:00:00.000Z',
  ],
  [
    'Ramadan Monday 15:10 waits for Tuesday 08:00',
    '2026-03-02T08:10:00Z',
    { timeZone: WIB, daysOff, ramadan: RAMADAN_2026 },
    '2026-03-03T01:00:00.000Z',
  ],
  ['Ramadan Friday 15:20 goes', '2026-03-06T08:20:00Z', { timeZone: WIB, daysOff, ramadan: RAMADAN_2026 }, 'now'],
  ['the same Monday 07:45 without Ramadan goes', '2026-03-02T00:45:00Z', { timeZone: WIB, daysOff }, 'now'],
  [
    'Ramadan Sunday in WITA waits for Monday 08:00 WITA',
    '2026-03-01T03:00:00Z',
    { timeZone: WITA, daysOff, ramadan: RAMADAN_2026 },
    '2026-03-02T00:00:00.000Z',
  ],
  // Personal hours narrow the day.
  [
    'personal 09:00–15:00: Monday 08:00 waits for 09:00',
    '2026-11-23T01:00:00Z',
    { timeZone: WIB, daysOff, personal: { start: '09:00', end: '15:00' } },
    '2026-11-23T02:00:00.000Z',
  ],
  [
    'personal 09:00–15:00: Monday 15:30 waits for Tuesday 09:00',
    '2026-11-23T08:30:00Z',
    { timeZone: WIB, daysOff, personal: { start: '09:00', end: '15:00' } },
    '2026-11-24T02:00:00.000Z',
  ],
  [
    'personal 10:00–14:00 in WIT on a Friday after 14:00 waits for Monday 10:00 WIT',
    '2026-11-27T05:30:00Z',
    { timeZone: WIT, daysOff, personal: { start: '10:00', end: '14:00' } },
    '2026-11-30T01:00:00.000Z',
  ],
  [
    'personal 15:00–16:00 in Ramadan leaves nothing: the agency day stands',
    '2026-03-02T02:00:00Z',
    { timeZone: WIB, daysOff, ramadan: RAMADAN_2026, personal: { start: '15:00', end: '16:00' } },
    'now',
  ],
  [
    'personal 07:00–18:00 cannot widen the day',
    '2026-11-23T09:30:00Z',
    { timeZone: WIB, daysOff, personal: { start: '07:00', end: '18:00' } },
    '2026-11-24T00:30:00.000Z',
  ],
];

describe('decideDelivery', () => {
  it.each(rows)('%s', (_label, instant, policy, expected) => {
    const d = decideDelivery(new Date(instant), policy);
    if (expected === 'now') expect(d).toEqual({ deliverNow: true });
    else {
      expect(d.deliverNow).toBe(false);
      if (!d.deliverNow) expect(d.heldUntil.toISOString()).toBe(expected);
    }
  });

  it('says why it holds', () => {
    const on = (iso: string, p: BoundaryPolicy) => {
      const d = decideDelivery(new Date(iso), p);
      return d.deliverNow ? 'now' : d.reason;
    };
    expect(on('2026-08-17T03:00:00Z', { timeZone: WIB, daysOff })).toBe('day_off');
    expect(on('2026-11-23T13:00:00Z', { timeZone: WIB, daysOff })).toBe('outside_hours');
    expect(on('2026-11-23T01:00:00Z', { timeZone: WIB, daysOff, personal: { start: '09:00', end: '15:00' } })).toBe(
      'personal_hours',
    );
  });

  it('holds to a moment that is itself allowed, and never later than needed (property)', () => {
    const zones = [WIB, WITA, WIT];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (ms, timeZone, withPersonal) => {
          const policy: BoundaryPolicy = {
            timeZone,
            daysOff,
            ramadan: RAMADAN_2026,
            personal: withPersonal ? { start: '09:00', end: '14:00' } : null,
          };
          const instant = new Date(ms);
          const d = decideDelivery(instant, policy);
          if (d.deliverNow) {
            const local = localParts(instant, timeZone);
            const w = allowedWindow(local.date, policy);
            return w !== null && local.secondOfDay >= w.start * 60 && local.secondOfDay < w.end * 60;
          }
          // The moment it is held to is allowed, and the minute before it is not.
          return (
            d.heldUntil > instant &&
            decideDelivery(d.heldUntil, policy).deliverNow &&
            !decideDelivery(new Date(d.heldUntil.getTime() - 60_000), policy).deliverNow
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Ramadan hours', () => {
  it('add up to 32.5 hours a week after breaks, from 08:00', () => {
    const breaks = (4 * RAMADAN_BREAK_MINUTES.weekday + RAMADAN_BREAK_MINUTES.friday) / 60;
    expect(weeklySpanHours(RAMADAN_HOURS) - breaks).toBe(32.5);
    for (const d of [1, 2, 3, 4, 5] as const) expect(RAMADAN_HOURS[d]?.start).toBe('08:00');
  });
});

describe('personal hours', () => {
  it.each([
    [{ start: '09:00', end: '15:00' }, null],
    [{ start: '07:30', end: '16:30' }, null],
    [{ start: '15:00', end: '09:00' }, 'order'],
    [{ start: '09:00', end: '09:30' }, 'too_short'],
    [{ start: '07:00', end: '15:00' }, 'wider'],
    [{ start: '09:00', end: '17:00' }, 'wider'],
  ] as const)('%o → %s', (hours, problem) => {
    expect(personalHoursProblem(hours)).toBe(problem);
  });
});

describe('the national calendar', () => {
  it('ships 2026 in full (17 libur nasional, 8 cuti bersama) and 2027 as provisional', () => {
    const y2026 = NATIONAL_CALENDARS.find((c) => c.year === 2026);
    expect(y2026?.days.filter((d) => d.kind === 'national')).toHaveLength(17);
    expect(y2026?.days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
    expect(y2026?.provisional).toBe(false);
    expect(NATIONAL_CALENDARS.find((c) => c.year === 2027)?.provisional).toBe(true);
    for (const c of NATIONAL_CALENDARS) {
      for (const d of c.days) expect(d.date.startsWith(String(c.year))).toBe(true);
      expect(new Set(c.days.map((d) => d.date)).size).toBe(c.days.length);
    }
  });
});

describe('which messages may be held', () => {
  it('never holds a crisis or security message, nor a kind nobody classified', () => {
    for (const [kind, cls] of Object.entries(NOTIFICATION_CLASSES))
      expect(isHoldableNotification(kind)).toBe(cls === 'routine');
    for (const [template, cls] of Object.entries(EMAIL_CLASSES))
      expect(isHoldableEmail(template)).toBe(cls === 'routine');
    expect(isHoldableNotification('crisis.request')).toBe(false);
    expect(isHoldableEmail('crisis_request')).toBe(false);
    expect(isHoldableNotification('something.new')).toBe(false);
    expect(isHoldableNotification('campaign.reminder')).toBe(true);
    expect(isHoldableEmail('campaign_reminder')).toBe(true);
  });
});
