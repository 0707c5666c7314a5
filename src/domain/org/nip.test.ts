import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeNip, normalizeNip, validateNip } from './nip.js';

const today = new Date('2026-11-22T00:00:00Z');

describe('validateNip (PNS, Perka BKN 43/2007)', () => {
  it('accepts a well-formed NIP and reads its parts', () => {
    const r = validateNip('19860926 201505 1 001', 'pns', today);
    expect(r).toEqual({
      ok: true,
      normalized: '198609262015051001',
      value: { kind: 'pns', birthDate: '1986-09-26', appointment: '2015-05', gender: 'male', sequence: 1 },
    });
  });

  it.each([
    ['', 'required'],
    ['19860926201505100A', 'not_digits'],
    ['1986092620150510', 'wrong_length'],
    ['1986092620150510011', 'wrong_length'],
    ['198602302015051001', 'birth_date_invalid'], // 30 February
    ['198613012015051001', 'birth_date_invalid'], // month 13
    ['202712012015051001', 'birth_date_in_future'],
    ['198609262015131001', 'appointment_invalid'], // TMT month 13
    ['198609262015001001', 'appointment_invalid'], // TMT month 00
    ['198609262000051001', 'appointment_before_adulthood'], // appointed at 13
    ['198609262030051001', 'appointment_in_future'],
    ['198609262015053001', 'gender_digit_invalid'],
    ['198609262015051000', 'sequence_zero'],
  ])('%s → %s', (nip, problem) => {
    expect(validateNip(nip, 'pns', today)).toEqual({ ok: false, problem });
  });

  it('accepts a TMT a few months ahead (numbers are issued before the TMT)', () => {
    expect(validateNip('199801012027021001', 'pns', today).ok).toBe(true);
  });

  it('reads gender 2 as female', () => {
    const r = validateNip('199203152019022003', 'pns', today);
    expect(r.ok && r.value.gender).toBe('female');
  });
});

describe('validateNip (PPPK)', () => {
  it('accepts an NI PPPK with appointment year and code', () => {
    const r = validateNip('199001012023212001', 'pppk', today);
    expect(r.ok && r.value).toEqual({
      kind: 'pppk',
      birthDate: '1990-01-01',
      appointment: '2023',
      gender: 'female',
      sequence: 1,
    });
  });
  it('refuses an appointment year before the first PPPK intake', () => {
    expect(validateNip('199001012018212001', 'pppk', today)).toEqual({ ok: false, problem: 'pppk_before_2019' });
  });
});

describe('validateNip (non-ASN)', () => {
  it('requires the field to be empty', () => {
    expect(validateNip('', 'non_asn', today)).toEqual({ ok: false, problem: 'required' });
    expect(validateNip('198609262015051001', 'non_asn', today)).toEqual({
      ok: false,
      problem: 'not_allowed_for_non_asn',
    });
  });
});

describe('properties', () => {
  const validPns = fc
    .record({
      birth: fc.date({ min: new Date('1960-01-01'), max: new Date('2004-12-31'), noInvalidDate: true }),
      offsetYears: fc.integer({ min: 18, max: 40 }),
      month: fc.integer({ min: 1, max: 12 }),
      gender: fc.constantFrom('1', '2'),
      seq: fc.integer({ min: 1, max: 999 }),
    })
    .filter(({ birth, offsetYears }) => birth.getUTCFullYear() + offsetYears <= 2026)
    .map(({ birth, offsetYears, month, gender, seq }) => {
      const y = birth.getUTCFullYear();
      const d = `${y}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
      return `${d}${y + offsetYears}${String(month).padStart(2, '0')}${gender}${String(seq).padStart(3, '0')}`;
    });

  it('every structurally valid NIP is accepted, with or without separators', () => {
    fc.assert(
      fc.property(validPns, (nip) => {
        expect(validateNip(nip, 'pns', today).ok).toBe(true);
        const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
        expect(validateNip(spaced, 'pns', today).ok).toBe(true);
        expect(looksLikeNip(spaced)).toBe(true);
      }),
    );
  });

  it('changing the gender digit to anything but 1 or 2 is refused', () => {
    fc.assert(
      fc.property(validPns, fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9'), (nip, digit) => {
        const broken = `${nip.slice(0, 14)}${digit}${nip.slice(15)}`;
        expect(validateNip(broken, 'pns', today)).toEqual({ ok: false, problem: 'gender_digit_invalid' });
      }),
    );
  });
});

describe('normalizeNip and looksLikeNip', () => {
  it('strips spaces, dots and dashes', () => {
    expect(normalizeNip(' 19860926.201505-1 001 ')).toBe('198609262015051001');
  });
  it('tells a NIP from an email address', () => {
    expect(looksLikeNip('198609262015051001')).toBe(true);
    expect(looksLikeNip('budi@slemankab.go.id')).toBe(false);
    expect(looksLikeNip('12345')).toBe(false);
  });
});
