import { describe, expect, it } from 'vitest';
import { isValidContact } from './contact-request.js';

describe('contact for "please contact me"', () => {
  it('takes phone numbers as people write them, 8–15 digits', () => {
    expect(isValidContact('phone', '0812-3456-7890')).toBe(true);
    expect(isValidContact('whatsapp', '+62 812 3456 7890')).toBe(true);
    expect(isValidContact('phone', '(0274) 123456')).toBe(true);
    expect(isValidContact('phone', '1234567')).toBe(false);
    expect(isValidContact('phone', '1234567890123456')).toBe(false);
    expect(isValidContact('whatsapp', 'nomor saya 0812')).toBe(false);
    expect(isValidContact('phone', 'budi@uji.go.id')).toBe(false);
  });

  it('takes an email address for email only', () => {
    expect(isValidContact('email', 'budi@uji.go.id')).toBe(true);
    expect(isValidContact('email', '081234567890')).toBe(false);
    expect(isValidContact('email', 'budi@uji')).toBe(false);
    expect(isValidContact('email', 'bu di@uji.go.id')).toBe(false);
  });
});
