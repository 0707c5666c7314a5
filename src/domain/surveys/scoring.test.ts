import { describe, expect, it } from 'vitest';
import type {
  LikertQuestion,
  MultipleChoiceQuestion,
  ScaleQuestion,
  SingleChoiceQuestion,
  SurveyDefinition,
} from './definition.js';
import {
  countMultipleChoice,
  countSingleChoice,
  favourableFrom,
  indexThemes,
  summariseLikert,
  summariseScale,
  themeIndex,
} from './scoring.js';
import { agree, option, rating, t } from './templates/items.js';

const statement = agree('q-agree', 'theme', t('Pernyataan', 'Statement'));
const negative: LikertQuestion = { ...statement, id: 'q-negative', reverse: true };
const seven: LikertQuestion = {
  ...statement,
  id: 'q-seven',
  points: 7,
  labels: Array.from({ length: 7 }, (_, i) => t(`Titik ${i + 1}`, `Point ${i + 1}`)),
};
const zeroToTen: ScaleQuestion = rating(
  'q-scale',
  'theme',
  t('Nilai', 'Rating'),
  t('Rendah', 'Low'),
  t('Tinggi', 'High'),
);
const options = [option('a', t('A', 'A-en')), option('b', t('B', 'B-en')), option('c', t('C', 'C-en'))];
const pickOne: SingleChoiceQuestion = {
  id: 'q-single',
  kind: 'single',
  text: t('Pilih', 'Choose'),
  required: true,
  options,
};
const pickTwo: MultipleChoiceQuestion = { ...pickOne, id: 'q-multiple', kind: 'multiple', maxChoices: 2 };

const points = (...counts: number[]) => counts.map((count, i) => ({ value: i + 1, count }));

describe('likert questions', () => {
  it('favourable is the points above neutral: 4–5 of 5, 5–7 of 7', () => {
    expect(favourableFrom(5)).toBe(4);
    expect(favourableFrom(7)).toBe(5);
  });

  it('worked example, 5 points: answers 5, 4, 4, 3, 2, skipped, 1', () => {
    const s = summariseLikert(statement, [5, 4, 4, 3, 2, null, 1]);
    expect(s.n).toBe(6);
    expect(s.distribution).toEqual(points(1, 1, 1, 2, 1));
    // (5 + 4 + 4 + 3 + 2 + 1) / 6 = 19 / 6
    expect(s.mean).toBeCloseTo(3.1667, 4);
    // 5, 4, 4 are favourable: 3 of 6
    expect(s.favourableCount).toBe(3);
    expect(s.favourableShare).toBe(0.5);
  });

  it('the same answers to a negatively worded item: the distribution as answered, the mean and share reversed', () => {
    const s = summariseLikert(negative, [5, 4, 4, 3, 2, null, 1]);
    expect(s.distribution).toEqual(points(1, 1, 1, 2, 1));
    // Reversed to 1, 2, 2, 3, 4, 5: 17 / 6
    expect(s.mean).toBeCloseTo(2.8333, 4);
    // Only the 2 and the 1 (disagreeing) are favourable: 2 of 6
    expect(s.favourableCount).toBe(2);
    expect(s.favourableShare).toBeCloseTo(0.3333, 4);
  });

  it('worked example, 7 points: answers 7, 6, 5, 4, 1', () => {
    const s = summariseLikert(seven, [7, 6, 5, 4, 1]);
    expect(s.distribution).toEqual(points(1, 0, 0, 1, 1, 1, 1));
    expect(s.mean).toBeCloseTo(4.6, 10);
    expect(s.favourableShare).toBe(0.6);
  });

  it('has no mean or share without answers, but still says n = 0', () => {
    const s = summariseLikert(statement, [null, null]);
    expect(s).toMatchObject({ n: 0, mean: null, favourableCount: 0, favourableShare: null });
    expect(s.distribution).toEqual(points(0, 0, 0, 0, 0));
  });

  it('throws on an answer outside the points rather than publishing a wrong figure', () => {
    expect(() => summariseLikert(statement, [6])).toThrow(RangeError);
    expect(() => summariseLikert(statement, [0])).toThrow(RangeError);
    expect(() => summariseLikert(statement, [2.5])).toThrow(RangeError);
    expect(() => summariseLikert(seven, [7])).not.toThrow();
  });
});

describe('0–10 questions', () => {
  it('worked example: answers 10, 9, 7, 6, 0, skipped', () => {
    const s = summariseScale(zeroToTen, [10, 9, 7, 6, 0, null]);
    expect(s.n).toBe(5);
    expect(s.distribution).toHaveLength(11);
    expect(s.distribution[0]).toEqual({ value: 0, count: 1 });
    expect(s.distribution.filter((d) => d.count > 0).map((d) => d.value)).toEqual([0, 6, 7, 9, 10]);
    // 32 / 5
    expect(s.mean).toBeCloseTo(6.4, 10);
    // 7 to 10 are favourable, 6 is not: 3 of 5
    expect(s.favourableShare).toBe(0.6);
  });

  it('throws outside 0–10', () => {
    expect(() => summariseScale(zeroToTen, [11])).toThrow(RangeError);
    expect(() => summariseScale(zeroToTen, [-1])).toThrow(RangeError);
  });
});

describe('choices', () => {
  it('single choice: counts and shares per option, in the options’ order', () => {
    expect(countSingleChoice(pickOne, ['a', 'b', 'a', null, 'c', 'a'])).toEqual({
      kind: 'single',
      n: 5,
      options: [
        { id: 'a', count: 3, share: 0.6 },
        { id: 'b', count: 1, share: 0.2 },
        { id: 'c', count: 1, share: 0.2 },
      ],
    });
  });

  it('multiple choice: the share of respondents who chose each option; an empty answer counts, a skip does not', () => {
    expect(countMultipleChoice(pickTwo, [['a', 'b'], ['a'], [], null, ['b', 'b']])).toEqual({
      kind: 'multiple',
      n: 4,
      options: [
        { id: 'a', count: 2, share: 0.5 },
        { id: 'b', count: 2, share: 0.5 },
        { id: 'c', count: 0, share: 0 },
      ],
    });
  });

  it('throws on an unknown option or too many choices', () => {
    expect(() => countSingleChoice(pickOne, ['z'])).toThrow(RangeError);
    expect(() => countMultipleChoice(pickTwo, [['a', 'b', 'c']])).toThrow(RangeError);
  });
});

describe('theme index', () => {
  // Four respondents, three items: the worked example of docs/surveys.md.
  const a = { question: statement, answers: [5, 4, null, 2] };
  const b = { question: negative, answers: [1, 2, 3, null] };
  const c = { question: zeroToTen, answers: [8, null, null, null] };

  it('pools the favourable share over answers and averages the rescaled item means', () => {
    const index = themeIndex([a, b, c]);
    // Respondents 1–4 each answered something.
    expect(index.n).toBe(4);
    // 3 + 3 + 1 answers; favourable: a 5 and 4; b 1 and 2 (reversed 5 and 4); c 8. 5 of 7.
    expect(index.answers).toBe(7);
    expect(index.favourableShare).toBeCloseTo(5 / 7, 10);
    // a: mean 11/3 → (11/3 − 1) / 4 × 100 = 66.67; b: reversed 5, 4, 3 → mean 4 → 75; c: 8 → 80.
    expect(index.items).toBe(3);
    expect(index.score).toBeCloseTo((200 / 3 + 75 + 80) / 3, 10);
    expect(index.score).toBeCloseTo(73.89, 2);
  });

  it('leaves out items nobody answered, and is empty when nobody answered at all', () => {
    const unanswered = { question: seven, answers: [null, null, null, null] };
    expect(themeIndex([a, unanswered]).items).toBe(1);
    expect(themeIndex([a, unanswered]).score).toBeCloseTo(200 / 3, 10);
    expect(themeIndex([unanswered])).toEqual({ n: 0, answers: 0, items: 0, favourableShare: null, score: null });
    expect(themeIndex([])).toEqual({ n: 0, answers: 0, items: 0, favourableShare: null, score: null });
  });

  it('needs the same respondents in every item', () => {
    expect(() => themeIndex([a, { question: statement, answers: [5] }])).toThrow(RangeError);
  });

  it('indexes every theme of a definition from answers keyed by question id', () => {
    const def: SurveyDefinition = {
      themes: [
        { id: 'theme', name: t('Tema', 'Theme'), description: t('Uraian', 'Description') },
        { id: 'other', name: t('Lain', 'Other'), description: t('Uraian', 'Description') },
      ],
      sections: [
        {
          id: 's',
          title: t('Bagian', 'Section'),
          questions: [statement, negative, { ...zeroToTen, themeId: 'other' }, pickOne],
        },
      ],
    };
    const indices = indexThemes(
      def,
      new Map([
        [statement.id, a.answers],
        [negative.id, b.answers],
      ]),
    );
    expect(indices.get('theme')).toEqual(themeIndex([a, b]));
    // The 0–10 item has no answers in the map: skipped by all four respondents.
    expect(indices.get('other')).toEqual({ n: 0, answers: 0, items: 0, favourableShare: null, score: null });
  });
});
