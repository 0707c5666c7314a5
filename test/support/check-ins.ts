import type { CheckInInput } from '../../src/contracts/check-ins.js';

/**
 * A valid check-in body for the tests' day (2026-11-23, "today" for the test clock in WIB), with
 * the fields a test cares about given; the rest are ordinary middle answers.
 */
export function checkInDay(fields: Partial<CheckInInput> = {}): CheckInInput {
  return {
    localDate: '2026-11-23',
    mood: 3,
    stress: 2,
    energy: 3,
    sleepMinutes: 420,
    sleepQuality: 3,
    activityMinutes: 15,
    workload: 'right',
    note: null,
    tags: [],
    ...fields,
  };
}
