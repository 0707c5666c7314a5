import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, passwordLength } from './password-policy.js';

const list = new Set(['password', 'bismillah', 'qwertyuiop', 'iloveyou', '123qweasdzxc']);
const isCommon = (s: string) => list.has(s);
const none = { identifiers: [] };

describe('checkPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(checkPassword('kopi pagi di teras rumah', none, isCommon)).toBeNull();
    expect(checkPassword('semuahurufkecil', none, isCommon)).toBeNull();
  });

  it('needs at least 12 characters, counted as a person sees them', () => {
    expect(checkPassword('pendek123', none, isCommon)).toBe('too_short');
    expect(checkPassword('sëlamat pagï', none, isCommon)).toBeNull(); // 12 characters, 14 bytes
    expect(checkPassword('sëlamat pag', none, isCommon)).toBe('too_short');
    expect(passwordLength('😀😀😀')).toBe(3);
  });

  it('refuses more than 256 characters', () => {
    expect(checkPassword('a b c d '.repeat(40), none, isCommon)).toBe('too_long');
  });

  it('refuses listed passwords, also with digits and symbols around them', () => {
    expect(checkPassword('123qweasdzxc', none, isCommon)).toBe('common');
    expect(checkPassword('Bismillah2024!', none, isCommon)).toBe('common');
    expect(checkPassword('!!Password123456', none, isCommon)).toBe('common');
  });

  it('refuses repetition and sequences', () => {
    expect(checkPassword('aaaaaaaaaaaaaa', none, isCommon)).toBe('repetitive');
    expect(checkPassword('abcabcabcabcabc', none, isCommon)).toBe('repetitive');
    expect(checkPassword('abcdefghijklmn', none, isCommon)).toBe('repetitive');
    expect(checkPassword('123456789012', none, isCommon)).toBe('repetitive');
  });

  it('refuses passwords built from the person’s own identifiers', () => {
    const ctx = { identifiers: ['Sulistyowati', '198609262015051001', 'sulis.w'] };
    expect(checkPassword('Sulistyowati1986!', ctx, isCommon)).toBe('contains_identity');
    expect(checkPassword('nip198609262015051001', ctx, isCommon)).toBe('contains_identity');
    expect(checkPassword('hujan turun di sleman', ctx, isCommon)).toBeNull();
  });

  it('property: any passphrase of four or more different words is accepted', () => {
    const word = fc.constantFrom('sawah', 'gunung', 'merapi', 'hujan', 'teh', 'kereta', 'pantai', 'angin', 'bambu');
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 4, maxLength: 6 }), (words) => {
        const phrase = words.join(' ');
        expect(checkPassword(phrase, none, isCommon)).toBeNull();
      }),
    );
  });
});
