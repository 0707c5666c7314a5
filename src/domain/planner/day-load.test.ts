import { describe, expect, it } from 'vitest';
import { CIVIL_SERVICE_HOURS } from '../schedule/working-hours.js';
import { dayLoad } from './day-load.js';

const monday = CIVIL_SERVICE_HOURS[1]; // 07:30–16:00, 510 minutes

describe('a planned day against the working day', () => {
  it('is calm when the blocks fit and a buffer is kept', () => {
    const load = dayLoad(
      [
        { start: '08:00', end: '10:00', kind: 'focus' },
        { start: '10:00', end: '10:15', kind: 'buffer' },
        { start: '13:00', end: '14:00', kind: 'meeting' },
      ],
      monday,
    );
    expect(load).toMatchObject({ plannedMinutes: 195, bufferMinutes: 15, capacityMinutes: 510 });
    expect(load.overbooked).toBe(false);
    expect(load.noBuffer).toBe(false);
    expect(load.outsideMinutes).toBe(0);
  });

  it('warns when the blocks fill more than the working day, and when there is no buffer', () => {
    const load = dayLoad(
      [
        { start: '07:00', end: '12:00', kind: 'focus' },
        { start: '12:00', end: '17:00', kind: 'meeting' },
      ],
      monday,
    );
    expect(load.plannedMinutes).toBe(600);
    expect(load.overbooked).toBe(true);
    expect(load.noBuffer).toBe(true);
    expect(load.outsideMinutes).toBe(90);
  });

  it('counts overlapping blocks once and reports them', () => {
    const load = dayLoad(
      [
        { start: '09:00', end: '11:00', kind: 'focus' },
        { start: '10:00', end: '12:00', kind: 'meeting' },
        { start: '12:00', end: '12:05', kind: 'buffer' },
      ],
      monday,
    );
    expect(load.plannedMinutes).toBe(185);
    expect(load.overlaps).toEqual([[0, 1]]);
    expect(load.noBuffer).toBe(true); // five minutes is not enough to absorb a late meeting
  });

  it('treats any work on a day off as beyond the working day', () => {
    const load = dayLoad([{ start: '09:00', end: '10:00', kind: 'focus' }], CIVIL_SERVICE_HOURS[6]);
    expect(load).toMatchObject({ capacityMinutes: 0, overbooked: true, outsideMinutes: 60 });
    expect(dayLoad([], CIVIL_SERVICE_HOURS[6]).overbooked).toBe(false);
  });
});
