import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CIVIL_SERVICE_HOURS,
  isWithinWorkingHours,
  minutesOf,
  nextWorkingMoment,
  weeklySpanHours,
  type WorkingHours,
} from './working-hours.js';
import { endOfLocalDay, localParts, offsetMinutes, startOfLocalDay } from './zoned-time.js';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';
const at = (iso: string) => new Date(iso);

describe('zoned time', () => {
  it('reads the three Indonesian offsets from Intl', () => {
    const instant = at('2026-11-23T00:00:00Z');
    expect(offsetMinutes(instant, WIB)).toBe(420);
    expect(offsetMinutes(instant, WITA)).toBe(480);
    expect(offsetMinutes(instant, WIT)).toBe(540);
  });

  it('knows the local date, weekday and time of day', () => {
    // Sunday 22 Nov 2026 23:30 UTC is already Monday morning in all three zones.
    expect(localParts(at('2026-11-22T23:30:00Z'), WIB)).toEqual({
      date: '2026-11-23',
      weekday: 1,
      secondOfDay: 6 * 3600 + 30 * 60,
    });
    expect(localParts(at('2026-11-22T23:30:00Z'), WIT)).toEqual({
      date: '2026-11-23',
      weekday: 1,
      secondOfDay: 8 * 3600 + 30 * 60,
    });
    expect(localParts(at('2026-11-22T16:59:59Z'), WIT).date).toBe('2026-11-23');
    expect(localParts(at('2026-11-22T16:59:59Z'), WIB).date).toBe('2026-11-22');
  });

  it('finds local midnights', () => {
    expect(startOfLocalDay('2026-11-23', WIB).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(startOfLocalDay('2026-11-23', WIT).toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(endOfLocalDay('2026-11-30', WITA).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('working hours (Perpres 21/2023)', () => {
  it('adds up to 37.5 hours a week after the 60-minute (Mon–Thu) and 90-minute (Fri) breaks', () => {
    const breaks = 4 * 1 + 1.5;
    expect(weeklySpanHours() - breaks).toBe(37.5);
    expect(CIVIL_SERVICE_HOURS[5]).toEqual({ start: '07:30', end: '16:30' });
    expect(CIVIL_SERVICE_HOURS[6]).toBeNull();
    expect(CIVIL_SERVICE_HOURS[7]).toBeNull();
  });

  it('opens at 07:30 and closes at 16:00 local time, per zone', () => {
    // Monday 23 Nov 2026, 07:30 WIB = 00:30 UTC; at that instant it is 08:30 WITA and 09:30 WIT.
    expect(isWithinWorkingHours(at('2026-11-23T00:29:59Z'), WIB)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-23T00:30:00Z'), WIB)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-22T23:30:00Z'), WITA)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-22T22:30:00Z'), WIT)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-22T22:29:59Z'), WIT)).toBe(false);
    // 16:00 is closing time: 09:00 UTC in WIB, 07:00 UTC in WIT.
    expect(isWithinWorkingHours(at('2026-11-23T08:59:59Z'), WIB)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-23T09:00:00Z'), WIB)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-23T07:00:00Z'), WIT)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-23T07:00:00Z'), WITA)).toBe(true);
  });

  it('keeps Friday open until 16:30 and weekends closed', () => {
    // Friday 27 Nov 2026, 16:15 WIB.
    expect(isWithinWorkingHours(at('2026-11-27T09:15:00Z'), WIB)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-27T09:30:00Z'), WIB)).toBe(false);
    // Saturday 10:00 WIB.
    expect(isWithinWorkingHours(at('2026-11-28T03:00:00Z'), WIB)).toBe(false);
  });

  it('moves a moment outside working hours to the next opening in that zone', () => {
    // Monday 06:00 WIB → 07:30 WIB the same day.
    expect(nextWorkingMoment(at('2026-11-22T23:00:00Z'), WIB).toISOString()).toBe('2026-11-23T00:30:00.000Z');
    // Within hours: unchanged.
    expect(nextWorkingMoment(at('2026-11-23T03:00:00Z'), WITA).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    // Friday 17:00 WIT → Monday 07:30 WIT (Sunday 22:30 UTC).
    expect(nextWorkingMoment(at('2026-11-27T08:00:00Z'), WIT).toISOString()).toBe('2026-11-29T22:30:00.000Z');
    // Tuesday 16:00 WITA exactly (closed) → Wednesday 07:30 WITA.
    expect(nextWorkingMoment(at('2026-11-24T08:00:00Z'), WITA).toISOString()).toBe('2026-11-24T23:30:00.000Z');
  });

  it('accepts other hours, such as a Ramadan schedule starting at 08:00', () => {
    const ramadan: WorkingHours = { ...CIVIL_SERVICE_HOURS, 1: { start: '08:00', end: '15:00' } };
    expect(isWithinWorkingHours(at('2026-11-23T00:45:00Z'), WIB, ramadan)).toBe(false);
    expect(nextWorkingMoment(at('2026-11-23T00:45:00Z'), WIB, ramadan).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(() => minutesOf('7:30')).toThrow();
    expect(() =>
      nextWorkingMoment(at('2026-11-23T00:45:00Z'), WIB, {
        1: null,
        2: null,
        3: null,
        4: null,
        5: null,
        6: null,
        7: null,
      }),
    ).toThrow();
  });

  it('property: the next working moment is within working hours, not earlier, and nothing in between is', () => {
    const zones = fc.constantFrom(WIB, WITA, WIT);
    const instants = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instants, zones, fc.integer({ min: 1, max: 999 }), (instant, tz, fraction) => {
        const next = nextWorkingMoment(instant, tz);
        expect(next.getTime()).toBeGreaterThanOrEqual(instant.getTime());
        expect(isWithinWorkingHours(next, tz)).toBe(true);
        expect(next.getTime() - instant.getTime()).toBeLessThan(4 * 86_400_000);
        if (next.getTime() > instant.getTime()) {
          const between = new Date(
            instant.getTime() + Math.floor(((next.getTime() - instant.getTime()) * fraction) / 1000),
          );
          if (between < next) expect(isWithinWorkingHours(between, tz)).toBe(false);
          expect(isWithinWorkingHours(instant, tz)).toBe(false);
        }
      }),
    );
  });
});
