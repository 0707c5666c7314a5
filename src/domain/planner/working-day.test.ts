import { describe, expect, it } from 'vitest';
import type { BoundaryPolicy } from '../boundaries/delivery.js';
import { observedDaysOff } from '../boundaries/holidays.js';
import { dayLoad } from './day-load.js';
import { workingDayAt, workingDayOn } from './working-day.js';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';
const daysOff = observedDaysOff([{ date: '2026-10-07', kind: 'regional' }]);
// Ramadan 1448 H as an agency might set it for the test (the dates are the agency's to set).
const ramadan = [{ startsOn: '2026-02-18', endsOn: '2026-03-19' }];
const policy = (over: Partial<BoundaryPolicy> = {}): BoundaryPolicy => ({ timeZone: WIB, daysOff, ramadan, ...over });

describe('the working window of a planned day', () => {
  it.each([
    // date, policy, hours, off, ramadan, personal
    ['Monday', '2026-10-05', policy(), { start: '07:30', end: '16:00' }, null, false, false],
    ['Friday is half an hour longer', '2026-10-09', policy(), { start: '07:30', end: '16:30' }, null, false, false],
    ['Saturday', '2026-10-10', policy(), null, 'weekend', false, false],
    ['Sunday', '2026-10-11', policy(), null, 'weekend', false, false],
    ['Independence Day', '2026-08-17', policy(), null, 'holiday', false, false],
    ['a cuti bersama', '2026-05-15', policy(), null, 'holiday', false, false],
    [
      'a cuti bersama the agency works',
      '2026-05-15',
      policy({ daysOff: observedDaysOff([{ date: '2026-05-15', kind: 'not_observed' }]) }),
      { start: '07:30', end: '16:30' },
      null,
      false,
      false,
    ],
    ['the agency’s own day off', '2026-10-07', policy(), null, 'holiday', false, false],
    ['Ramadan Monday starts at 08:00', '2026-02-23', policy(), { start: '08:00', end: '15:00' }, null, true, false],
    ['Ramadan Friday', '2026-02-27', policy(), { start: '08:00', end: '15:30' }, null, true, false],
    [
      'own hours narrow the day',
      '2026-10-05',
      policy({ personal: { start: '08:00', end: '15:00' } }),
      { start: '08:00', end: '15:00' },
      null,
      false,
      true,
    ],
    [
      'own hours inside Ramadan hours',
      '2026-02-23',
      policy({ personal: { start: '09:00', end: '14:00' } }),
      { start: '09:00', end: '14:00' },
      null,
      true,
      true,
    ],
    [
      'own hours that would leave nothing keep the agency’s day',
      '2026-02-23',
      policy({ personal: { start: '15:00', end: '16:00' } }),
      { start: '08:00', end: '15:00' },
      null,
      true,
      false,
    ],
    [
      'own hours wider than Friday change nothing',
      '2026-10-09',
      policy({ personal: { start: '07:30', end: '16:30' } }),
      { start: '07:30', end: '16:30' },
      null,
      false,
      false,
    ],
    [
      'own hours do not open a holiday',
      '2026-08-17',
      policy({ personal: { start: '08:00', end: '12:00' } }),
      null,
      'holiday',
      false,
      false,
    ],
  ] as const)('%s', (_name, date, p, hours, off, isRamadan, personal) => {
    const day = workingDayOn(date, p);
    expect(day.hours).toEqual(hours);
    expect(day.off).toBe(off);
    expect(day.ramadan).toBe(isRamadan);
    expect(day.personal).toBe(personal);
  });

  it('names a national holiday and a cuti bersama, and leaves an agency’s own day unnamed', () => {
    expect(workingDayOn('2026-08-17', policy()).holiday).toEqual({
      kind: 'national',
      name: { id: 'Proklamasi Kemerdekaan', en: 'Independence Day' },
    });
    expect(workingDayOn('2026-05-15', policy()).holiday?.kind).toBe('cuti_bersama');
    expect(workingDayOn('2026-10-07', policy()).holiday).toEqual({ kind: 'regional', name: null });
    expect(workingDayOn('2026-10-05', policy()).holiday).toBeNull();
  });

  // Thursday 1 October 2026, 16:30 UTC: 23:30 Thursday in WIB, already Friday in WITA and WIT.
  it.each([
    [WIB, '2026-10-01', { start: '07:30', end: '16:00' }],
    [WITA, '2026-10-02', { start: '07:30', end: '16:30' }],
    [WIT, '2026-10-02', { start: '07:30', end: '16:30' }],
  ])('reads "today" in the unit’s zone (%s)', (timeZone, date, hours) => {
    const day = workingDayAt(new Date('2026-10-01T16:30:00Z'), policy({ timeZone }));
    expect(day.date).toBe(date);
    expect(day.hours).toEqual(hours);
  });

  // Friday 2 October 2026, 23:30 UTC: still Friday evening nowhere; Saturday morning in all three.
  it.each([WIB, WITA, WIT])('a Saturday morning is a weekend in %s', (timeZone) => {
    expect(workingDayAt(new Date('2026-10-02T23:30:00Z'), policy({ timeZone })).off).toBe('weekend');
  });
});

describe('a planned day against its working window', () => {
  it('warns about work past the person’s own hours, and still about a missing buffer', () => {
    const day = workingDayOn('2026-10-05', policy({ personal: { start: '08:00', end: '15:00' } }));
    const load = dayLoad(
      [
        { start: '08:00', end: '12:00', kind: 'focus' },
        { start: '13:00', end: '15:30', kind: 'meeting' },
      ],
      day.hours,
    );
    expect(load.capacityMinutes).toBe(420);
    expect(load.outsideMinutes).toBe(30);
    expect(load.overbooked).toBe(false);
    expect(load.noBuffer).toBe(true);
  });

  it('counts a Ramadan Friday as seven and a half hours', () => {
    const load = dayLoad([{ start: '08:00', end: '15:45', kind: 'focus' }], workingDayOn('2026-02-27', policy()).hours);
    expect(load.capacityMinutes).toBe(450);
    expect(load.overbooked).toBe(true);
  });

  it('treats any work on a holiday as beyond the day', () => {
    const load = dayLoad([{ start: '09:00', end: '10:00', kind: 'focus' }], workingDayOn('2026-08-17', policy()).hours);
    expect(load).toMatchObject({ capacityMinutes: 0, overbooked: true, outsideMinutes: 60 });
  });
});
