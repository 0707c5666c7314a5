import { describe, expect, it } from 'vitest';
import { formatClock } from './format.js';

describe('a clock time as the language writes it', () => {
  it('puts a full stop between hours and minutes in Indonesian and keeps the colon in English', () => {
    expect(formatClock('07:30', 'id')).toBe('07.30');
    expect(formatClock('16:00', 'en')).toBe('16:00');
  });
});
