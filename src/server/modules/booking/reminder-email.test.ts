import { describe, expect, it } from 'vitest';
import { reminderWhen } from './reminder-email.js';

// Wednesday 25 November 2026, 10:00 WIB = 03:00 UTC.
const START = new Date('2026-11-25T03:00:00.000Z');

describe('the words of a booking reminder email', () => {
  it('says "besok" a day before and "hari ini" an hour before, on the person’s own clock', () => {
    expect(reminderWhen(START, new Date('2026-11-24T03:00:00.000Z'), 'Asia/Jakarta', 'id')).toEqual({
      day: 'besok',
      time: '10.00 WIB',
    });
    expect(reminderWhen(START, new Date('2026-11-25T02:00:00.000Z'), 'Asia/Jakarta', 'id')).toEqual({
      day: 'hari ini',
      time: '10.00 WIB',
    });
    expect(reminderWhen(START, new Date('2026-11-24T03:00:00.000Z'), 'Asia/Jayapura', 'en')).toEqual({
      day: 'tomorrow',
      time: '12:00 WIT',
    });
  });

  it('decides today and tomorrow by the person’s zone, not by UTC', () => {
    // 00:30 WITA on Thursday is 16:30 UTC on Wednesday; an hour before is still Wednesday in WITA.
    const late = new Date('2026-11-25T16:30:00.000Z');
    expect(reminderWhen(late, new Date('2026-11-25T15:30:00.000Z'), 'Asia/Makassar', 'id')).toEqual({
      day: 'besok',
      time: '00.30 WITA',
    });
  });

  it('names the day when the reminder is later than a day ahead would allow', () => {
    const { day } = reminderWhen(START, new Date('2026-11-22T03:00:00.000Z'), 'Asia/Jakarta', 'id');
    expect(day).toBe('Rabu, 25 November');
  });
});
