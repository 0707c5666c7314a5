import { describe, expect, it } from 'vitest';
import { isValidContact, localPhone } from './contact-request.js';

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

describe('a stored number shown the way people write it', () => {
  it('turns +62 into a leading 0 and groups a mobile number in fours', () => {
    expect(localPhone('+6285220998174')).toBe('0852 2099 8174');
    expect(localPhone('+62 812-3456-789')).toBe('0812 3456 789');
    expect(localPhone('+62274123456')).toBe('0274123456');
  });

  it('leaves anything else as it is', () => {
    expect(localPhone('081234567890')).toBe('081234567890');
    expect(localPhone('+6591234567')).toBe('+6591234567');
    expect(localPhone('')).toBe('');
  });
});
