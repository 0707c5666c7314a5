import { describe, expect, it } from 'vitest';
import { answerProblems, normaliseAnswers } from './answers.js';
import type { SurveyDefinition } from './definition.js';

const t = (id: string) => ({ id, en: id });
const def: SurveyDefinition = {
  themes: [{ id: 'load', name: t('Beban'), description: t('Beban kerja') }],
  sections: [
    {
      id: 's1',
      title: t('Bagian'),
      questions: [
        {
          id: 'agree',
          kind: 'likert',
          points: 5,
          labels: [1, 2, 3, 4, 5].map((n) => t(`L${n}`)),
          required: true,
          text: t('Q'),
          themeId: 'load',
        },
        {
          id: 'seven',
          kind: 'likert',
          points: 7,
          labels: [1, 2, 3, 4, 5, 6, 7].map((n) => t(`L${n}`)),
          required: false,
          text: t('Q'),
        },
        { id: 'rate', kind: 'scale', lowLabel: t('0'), highLabel: t('10'), required: false, text: t('Q') },
        {
          id: 'one',
          kind: 'single',
          options: [
            { id: 'a', label: t('A') },
            { id: 'b', label: t('B') },
          ],
          required: false,
          text: t('Q'),
        },
        {
          id: 'many',
          kind: 'multiple',
          options: [
            { id: 'a', label: t('A') },
            { id: 'b', label: t('B') },
            { id: 'c', label: t('C') },
          ],
          maxChoices: 2,
          required: false,
          text: t('Q'),
        },
        { id: 'say', kind: 'text', maxLength: 10, required: false, text: t('Q') },
      ],
    },
  ],
};

describe('answerProblems', () => {
  it('accepts a complete, valid set and one with only the required answers', () => {
    expect(answerProblems(def, { agree: 5, seven: 7, rate: 0, one: 'b', many: ['a', 'c'], say: 'baik' })).toEqual([]);
    expect(answerProblems(def, { agree: 1 })).toEqual([]);
  });

  it('asks for a required answer, blank text and empty lists counting as none', () => {
    expect(answerProblems(def, {})).toEqual([{ questionId: 'agree', code: 'surveys.answer.required' }]);
    expect(answerProblems(def, { agree: 3, say: '   ', many: [] })).toEqual([]);
  });

  it.each([
    ['agree', 0],
    ['agree', 6],
    ['agree', 2.5],
    ['agree', '3'],
    ['seven', 8],
    ['rate', 11],
    ['rate', -1],
    ['one', 'z'],
    ['one', ['a']],
    ['many', 'a'],
    ['many', ['a', 'a']],
    ['many', ['a', 'zz']],
    ['say', 5],
  ])('refuses %s = %j as invalid', (questionId, answer) => {
    const answers = { agree: 3, [questionId]: answer } as Record<string, number | string | string[]>;
    expect(answerProblems(def, answers)).toEqual([{ questionId, code: 'surveys.answer.invalid' }]);
  });

  it('holds the choice limit, the text length and unknown questions', () => {
    expect(answerProblems(def, { agree: 3, many: ['a', 'b', 'c'] })).toEqual([
      { questionId: 'many', code: 'surveys.answer.too_many_choices' },
    ]);
    expect(answerProblems(def, { agree: 3, say: 'sebelas huruf' })).toEqual([
      { questionId: 'say', code: 'surveys.answer.too_long' },
    ]);
    // Surrounding spaces are not the person's words: trimmed before the length counts.
    expect(answerProblems(def, { agree: 3, say: '  sepuluh.. ' })).toEqual([]);
    expect(answerProblems(def, { agree: 3, extra: 1 })).toEqual([
      { questionId: 'extra', code: 'surveys.answer.unknown_question' },
    ]);
  });
});

describe('normaliseAnswers', () => {
  it('drops blanks and trims text', () => {
    expect(normaliseAnswers({ agree: 3, say: '  ya  ', many: [], one: ' ' })).toEqual({ agree: 3, say: 'ya' });
  });
});
