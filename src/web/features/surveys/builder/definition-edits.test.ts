import { describe, expect, it } from 'vitest';
import { questionsOf, validateDefinition, type SurveyDefinition } from '../../../../domain/surveys/definition.js';
import {
  addQuestion,
  addSection,
  addTheme,
  duplicateQuestion,
  freshId,
  moveQuestion,
  removeOption,
  removeTheme,
  withPoints,
} from './definition-edits.js';

const text = (s: string) => ({ id: s, en: `${s} (en)` });
const def: SurveyDefinition = {
  themes: [{ id: 'beban', name: text('Beban'), description: text('Beban kerja') }],
  sections: [
    {
      id: 'a',
      title: text('A'),
      questions: [
        {
          id: 'q1',
          kind: 'scale',
          text: text('Satu'),
          required: true,
          lowLabel: text('0'),
          highLabel: text('10'),
          themeId: 'beban',
        },
        { id: 'q2', kind: 'text', text: text('Dua'), required: false, maxLength: 200 },
      ],
    },
    {
      id: 'b',
      title: text('B'),
      questions: [{ id: 'q3', kind: 'text', text: text('Tiga'), required: false, maxLength: 200 }],
    },
  ],
};
const ids = (d: SurveyDefinition) => d.sections.map((s) => s.questions.map((q) => q.id));

describe('the builder’s edits', () => {
  it('moves a question within its section, and past its end into the next section or the one before', () => {
    expect(ids(moveQuestion(def, 0, 1, -1))).toEqual([['q2', 'q1'], ['q3']]);
    expect(ids(moveQuestion(def, 0, 1, 1))).toEqual([['q1'], ['q2', 'q3']]);
    expect(ids(moveQuestion(def, 1, 0, -1))).toEqual([['q1', 'q2', 'q3'], []]);
    // Nowhere to go: the same definition.
    expect(moveQuestion(def, 0, 0, -1)).toBe(def);
    expect(moveQuestion(def, 1, 0, 1)).toBe(def);
  });

  it('makes ids that are slugs and never taken, so a built survey passes the same validation', () => {
    expect(freshId('pertanyaan', ['pertanyaan-1', 'pertanyaan-3'])).toBe('pertanyaan-2');
    let next = addQuestion(addSection(def), 2, 'multiple');
    next = duplicateQuestion(next, 0, 0);
    const all = questionsOf(next).map((q) => q.id);
    expect(new Set(all).size).toBe(all.length);
    expect(next.sections[2]!.id).toBe('bagian-1');
    const problems = validateDefinition(next).map((p) => `${p.path} ${p.code}`);
    // Only the blanks the admin still has to fill, never an id.
    expect(problems.every((p) => p.endsWith('empty_text'))).toBe(true);
    expect(problems).toContain('sections[2].questions[0].text.id surveys.definition.empty_text');
  });

  it('removes a theme and leaves its questions without one; drops maxChoices above the options left', () => {
    const next = removeTheme(addTheme(def), 0);
    expect(next.themes.map((t) => t.id)).toEqual(['tema-1']);
    expect('themeId' in next.sections[0]!.questions[0]!).toBe(false);
    const multiple = {
      id: 'm',
      kind: 'multiple' as const,
      text: text('M'),
      required: true,
      maxChoices: 3,
      options: ['x', 'y', 'z'].map((id) => ({ id, label: text(id) })),
    };
    expect(removeOption(multiple, 0)).toMatchObject({ maxChoices: 2, options: [{ id: 'y' }, { id: 'z' }] });
  });

  it('starts the labels again from the usual ones when a Likert item changes its number of points', () => {
    const likert = addQuestion(def, 0, 'likert').sections[0]!.questions[2]!;
    const seven = withPoints(likert, 7);
    if (seven.kind !== 'likert') throw new Error('still a Likert item');
    expect(seven.points).toBe(7);
    expect(seven.labels).toHaveLength(7);
    expect(
      validateDefinition({
        themes: [],
        sections: [{ id: 's', title: text('S'), questions: [{ ...seven, text: text('T') }] }],
      }),
    ).toEqual([]);
  });
});
