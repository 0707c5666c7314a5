import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNameOf, greetingNameOf } from './preferred-name.js';

describe('firstNameOf: the first word of a name, titles taken off', () => {
  it.each([
    ['Sri Wahyuningsih', 'Sri'],
    ['Dr. Rizky Pratama, M.Psi., Psikolog', 'Rizky'],
    ['dr. Ayu Lestari, Sp.KJ', 'Ayu'],
    ['drg. Bambang Wijaya', 'Bambang'],
    ['Ir. H. Joko Susilo, M.T.', 'Joko'],
    ['Hj. Siti Aminah, S.Pd.', 'Siti'],
    ['H. Ahmad Fauzi', 'Ahmad'],
    ['Prof. Dr. Ir. Sutrisno', 'Sutrisno'],
    ['Budi Santoso S.Kom.', 'Budi'],
    ['S.Kom. Dewi', 'Dewi'],
    ['Drs. Hartono', 'Hartono'],
    ['Suharto', 'Suharto'],
    ['  Wayan   Sudarsana  ', 'Wayan'],
    ['Muhammad Hafiz', 'Muhammad'],
  ])('%s → %s', (full, first) => {
    expect(firstNameOf(full)).toBe(first);
  });

  it('keeps a name that is nothing but titles rather than greeting nobody', () => {
    expect(firstNameOf('Dr.')).toBe('Dr.');
  });

  it('always returns a word of the name, never an empty string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z .,]{0,40}$/), (name) => {
        const first = firstNameOf(name);
        expect(first.length).toBeGreaterThan(0);
        expect(name).toContain(first);
      }),
    );
  });
});

describe('greetingNameOf', () => {
  it('prefers the short name the person chose', () => {
    expect(greetingNameOf({ fullName: 'Dr. Rizky Pratama, M.Psi.', preferredName: 'Kiki' })).toBe('Kiki');
  });

  it('falls back to the first name when none is chosen or it is blank', () => {
    expect(greetingNameOf({ fullName: 'Dr. Rizky Pratama, M.Psi.', preferredName: null })).toBe('Rizky');
    expect(greetingNameOf({ fullName: 'Hj. Siti Aminah', preferredName: '  ' })).toBe('Siti');
  });
});
