import { describe, expect, it } from 'vitest';
import { medianMinutes, minutesToFirstContact } from './first-contact.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 2, minutes)).toISOString();
const row = (wait: number | null) => ({ created_at: at(0), first_contact_at: wait === null ? null : at(wait) });

describe('time to first contact', () => {
  it('counts whole minutes, never below zero', () => {
    expect(minutesToFirstContact(at(0), at(45))).toBe(45);
    expect(minutesToFirstContact(at(10), at(0))).toBe(0);
  });

  it('takes the middle value, or the mean of the two middle values, and skips requests not yet reached', () => {
    expect(medianMinutes([])).toBeNull();
    expect(medianMinutes([row(null)])).toBeNull();
    expect(medianMinutes([row(30), row(10), row(null), row(500)])).toBe(30);
    expect(medianMinutes([row(10), row(20), row(40), row(1000)])).toBe(30);
  });
});
