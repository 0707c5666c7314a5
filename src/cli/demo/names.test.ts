import { describe, expect, it } from 'vitest';
import { emailLocalOf, fullNameOf, randomName } from './names.js';
import { SeededRandom } from './random.js';

describe('demo names', () => {
  it('write titles around the name and leave them out of the email', () => {
    const name = { given: 'Retno', family: 'Palupi', titleAfter: 'M.Psi., Psikolog' };
    expect(fullNameOf(name)).toBe('Retno Palupi, M.Psi., Psikolog');
    expect(fullNameOf({ given: 'Bambang', family: 'Wicaksono', titleBefore: 'dr.' })).toBe('dr. Bambang Wicaksono');
    expect(emailLocalOf(name)).toBe('retno.palupi');
  });

  it('keep the Balinese honorific in the name but not in the email', () => {
    const name = { honorific: 'Ni Luh', given: 'Putu', family: 'Ariani' };
    expect(fullNameOf(name)).toBe('Ni Luh Putu Ariani');
    expect(emailLocalOf(name)).toBe('putu.ariani');
  });

  it('handle single names and family names with spaces', () => {
    expect(emailLocalOf({ given: 'Sutrisno', family: null })).toBe('sutrisno');
    expect(emailLocalOf({ given: 'Elisabeth', family: 'Da Costa' })).toBe('elisabeth.dacosta');
    expect(emailLocalOf({ given: 'Andi Tenri', family: 'Mappangara' })).toBe('andi.mappangara');
  });

  it('draw the same names from the same seed', () => {
    const draw = () => {
      const random = new SeededRandom(42);
      return Array.from({ length: 20 }, () => fullNameOf(randomName(random, 'batak', 'female')));
    };
    expect(draw()).toEqual(draw());
  });
});
