import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, maskComment, nameWordsOf } from './comment-mask.js';

const PEOPLE = ['Dr. Bambang Wicaksono, S.E., M.Si.', 'Hj. Ratna Dewi Lestari, S.Pd.', 'Agus Prasetyo'];
const names = nameWordsOf(PEOPLE);

describe('masking survey comments', () => {
  it('keeps the words of names and drops titles', () => {
    expect([...names].sort()).toEqual(['agus', 'bambang', 'dewi', 'lestari', 'prasetyo', 'ratna', 'wicaksono']);
  });

  it('masks a name however it is written, and keeps the honorific before it', () => {
    expect(maskComment('Pak Bambang selalu menelepon setelah jam 9 malam.', names)).toBe(
      `Pak ${MASK.name} selalu menelepon setelah jam 9 malam.`,
    );
    expect(maskComment('Bu RATNA dan bu rátna, juga AgUs.', names)).toBe(
      `Bu ${MASK.name} dan bu ${MASK.name}, juga ${MASK.name}.`,
    );
  });

  it('masks NIP, NIK and phone numbers however they are grouped', () => {
    expect(maskComment('NIP saya 19860926 201505 1 001', names)).toBe(`NIP saya ${MASK.number}`);
    expect(maskComment('hubungi +62 812-3456-7890 atau (0274) 868 405', names)).toBe(
      `hubungi ${MASK.number} atau ${MASK.number}`,
    );
    expect(maskComment('NIK 3404012345678901.', names)).toBe(`NIK ${MASK.number}.`);
  });

  it('keeps short numbers: hours, counts and years', () => {
    const text = 'Rapat 3 kali seminggu sampai pukul 21.00 sejak 2024, lembur 12 jam.';
    expect(maskComment(text, names)).toBe(text);
  });

  it('masks e-mail addresses', () => {
    expect(maskComment('kirim ke agus.p@bkpsdm.slemankab.go.id ya', names)).toBe(`kirim ke ${MASK.email} ya`);
  });

  it('leaves no name word and no run of eight digits in any comment', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('Bambang', 'ratna', 'LESTARI', 'rapat', 'target', 'lembur', 'beban', 'Pak', 'Bu', ',', '.'),
            fc.stringMatching(/^[0-9]{1,12}$/),
            fc.constantFrom(' ', '-', ' ', '.'),
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const masked = maskComment(parts.join(' '), names);
          const words = (masked.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
          return words.every((w) => !names.has(w)) && !/\d(?:[\s.()-]*\d){7,}/.test(masked);
        },
      ),
    );
  });
});
