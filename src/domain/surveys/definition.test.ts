import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFINITION_PROBLEM_CODES,
  SURVEY_LIMITS,
  isSlug,
  pathSegments,
  validateDefinition,
  type LikertQuestion,
  type Question,
  type SurveyDefinition,
} from './definition.js';
import { AGREE_5, option, t } from './templates/items.js';

const likert = (id: string, extra: Partial<LikertQuestion> = {}): LikertQuestion => ({
  id,
  kind: 'likert',
  text: t('Saya punya cukup waktu.', 'I have enough time.'),
  required: true,
  points: 5,
  labels: AGREE_5,
  themeId: 'demands',
  ...extra,
});

function survey(questions: Question[], extra: Partial<SurveyDefinition> = {}): SurveyDefinition {
  return {
    themes: [{ id: 'demands', name: t('Tuntutan kerja', 'Demands'), description: t('Beban kerja.', 'Workload.') }],
    sections: [{ id: 'main', title: t('Pekerjaan', 'Work'), questions }],
    ...extra,
  };
}

const codes = (def: SurveyDefinition) => validateDefinition(def).map((p) => `${p.path} ${p.code}`);

describe('validateDefinition', () => {
  it('accepts a small survey with every question kind', () => {
    const def = survey([
      likert('q1'),
      {
        id: 'q2',
        kind: 'scale',
        text: t('Seberapa puas Anda?', 'How satisfied are you?'),
        required: true,
        lowLabel: t('Tidak puas', 'Not satisfied'),
        highLabel: t('Sangat puas', 'Very satisfied'),
        themeId: 'demands',
      },
      {
        id: 'q3',
        kind: 'single',
        text: t('Pilih satu.', 'Choose one.'),
        required: false,
        options: [option('a', t('Ya', 'Yes')), option('b', t('Tidak', 'No'))],
      },
      {
        id: 'q4',
        kind: 'multiple',
        text: t('Pilih semua.', 'Choose all.'),
        required: false,
        options: [option('a', t('Ya', 'Yes')), option('b', t('Tidak', 'No'))],
        maxChoices: 2,
      },
      { id: 'q5', kind: 'text', text: t('Saran Anda?', 'Your suggestion?'), required: false, maxLength: 2000 },
    ]);
    expect(validateDefinition(def)).toEqual([]);
  });

  it('needs at least one question', () => {
    expect(codes({ themes: [], sections: [] })).toEqual(['sections surveys.definition.no_questions']);
  });

  it('finds duplicate and malformed ids, across sections too', () => {
    const def: SurveyDefinition = {
      themes: [],
      sections: [
        { id: 'a', title: t('A', 'A-en'), questions: [likert('q1', { themeId: undefined })] },
        { id: 'a', title: t('B', 'B-en'), questions: [likert('q1', { themeId: undefined }), likert('Q 2')] },
      ],
    };
    expect(codes(def)).toEqual([
      'sections[1].id surveys.definition.duplicate_id',
      'sections[1].questions[0].id surveys.definition.duplicate_id',
      'sections[1].questions[1].id surveys.definition.invalid_id',
      'sections[1].questions[1].themeId surveys.definition.unknown_theme',
    ]);
  });

  it('needs every text in both languages', () => {
    const def = survey([likert('q1', { text: t('Ada', ' '), help: t('', 'Help') })]);
    expect(codes(def)).toEqual([
      'sections[0].questions[0].text.en surveys.definition.empty_text',
      'sections[0].questions[0].help.id surveys.definition.empty_text',
    ]);
  });

  it('needs one label per likert point and only 5 or 7 points', () => {
    expect(codes(survey([likert('q1', { points: 7 })]))).toEqual([
      'sections[0].questions[0].labels surveys.definition.label_count',
    ]);
    expect(codes(survey([likert('q1', { points: 4 as 5, labels: AGREE_5.slice(0, 4) })]))).toEqual([
      'sections[0].questions[0].points surveys.definition.invalid_points',
    ]);
  });

  it('needs at least two distinct options and a sensible maxChoices', () => {
    const def = survey([
      likert('q0'),
      { id: 'q1', kind: 'single', text: t('Pilih', 'Choose'), required: true, options: [option('a', t('Ya', 'Yes'))] },
      {
        id: 'q2',
        kind: 'multiple',
        text: t('Pilih', 'Choose'),
        required: true,
        options: [option('a', t('Ya', 'Yes')), option('a', t('Tidak', 'No')), option('c', t('ya', 'Sure'))],
        maxChoices: 4,
      },
    ]);
    expect(codes(def)).toEqual([
      'sections[0].questions[1].options surveys.definition.too_few_options',
      'sections[0].questions[2].options[1].id surveys.definition.duplicate_id',
      'sections[0].questions[2].options[2].label.id surveys.definition.duplicate_option',
      'sections[0].questions[2].maxChoices surveys.definition.invalid_max_choices',
    ]);
  });

  it('lets only likert and scale questions belong to a theme, and only to one that exists', () => {
    const def = survey([
      likert('q1', { themeId: 'nope' }),
      {
        id: 'q2',
        kind: 'text',
        text: t('Saran?', 'Ideas?'),
        required: false,
        maxLength: 3000,
        themeId: 'demands',
      } as Question,
    ]);
    expect(codes(def)).toEqual([
      'sections[0].questions[0].themeId surveys.definition.unknown_theme',
      'sections[0].questions[1].themeId surveys.definition.theme_not_allowed',
      'sections[0].questions[1].maxLength surveys.definition.invalid_max_length',
      'themes[0] surveys.definition.empty_theme',
    ]);
  });

  it('keeps to the limits on sections, questions and options', () => {
    const many = Array.from({ length: SURVEY_LIMITS.questions + 1 }, (_, i) => likert(`q${i}`));
    expect(codes(survey(many))).toEqual(['sections surveys.definition.too_many_questions']);
    const sections = Array.from({ length: SURVEY_LIMITS.sections + 1 }, (_, i) => ({
      id: `s${i}`,
      title: t('Bagian', 'Part'),
      questions: [likert(`q${i}`)],
    }));
    expect(codes(survey([], { sections }))).toEqual(['sections surveys.definition.too_many_sections']);
    const options = Array.from({ length: SURVEY_LIMITS.options + 1 }, (_, i) =>
      option(`o${i}`, t(`Pilihan ${i}`, `Option ${i}`)),
    );
    expect(
      codes(survey([likert('q0'), { id: 'q1', kind: 'single', text: t('Pilih', 'Choose'), required: true, options }])),
    ).toEqual(['sections[0].questions[1].options surveys.definition.too_many_options']);
  });

  it('reports an empty section', () => {
    const def = survey([likert('q1')]);
    const withEmpty = {
      ...def,
      sections: [...def.sections, { id: 'empty', title: t('Kosong', 'Empty'), questions: [] }],
    };
    expect(codes(withEmpty)).toEqual(['sections[1].questions surveys.definition.empty_section']);
  });

  it('only ever reports listed codes, at paths that exist in the definition', () => {
    const text = fc.record({ id: fc.string({ maxLength: 3 }), en: fc.string({ maxLength: 3 }) });
    const question = fc.record({
      id: fc.constantFrom('a', 'b', 'B', ''),
      kind: fc.constantFrom('likert' as const),
      text,
      required: fc.boolean(),
      points: fc.constantFrom(5 as const, 7 as const),
      labels: fc.array(text, { maxLength: 8 }),
      themeId: fc.constantFrom('t', 'u'),
    });
    const def = fc.record({
      themes: fc.array(fc.record({ id: fc.constantFrom('t', 'x'), name: text, description: text }), { maxLength: 2 }),
      sections: fc.array(
        fc.record({ id: fc.constantFrom('s', 'S'), title: text, questions: fc.array(question, { maxLength: 3 }) }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(def, (d) => {
        for (const problem of validateDefinition(d)) {
          expect(DEFINITION_PROBLEM_CODES).toContain(problem.code);
          const found = pathSegments(problem.path).reduce<unknown>(
            (at, segment) => (at as Record<string | number, unknown> | undefined)?.[segment],
            d,
          );
          expect(found, problem.path).not.toBeUndefined();
        }
      }),
    );
  });
});

describe('isSlug', () => {
  it('takes short lower-case slugs only', () => {
    expect(isSlug('dem-time')).toBe(true);
    expect(isSlug('sch_class2')).toBe(true);
    for (const bad of ['', 'Dem', 'dem--time', '-dem', 'dem-', 'dem time', 'dém', 'a'.repeat(41)])
      expect(isSlug(bad)).toBe(false);
  });
});

describe('pathSegments', () => {
  it('splits a problem path into the segments a zod issue carries', () => {
    expect(pathSegments('sections[1].questions[0].labels[12].en')).toEqual([
      'sections',
      1,
      'questions',
      0,
      'labels',
      12,
      'en',
    ]);
    expect(pathSegments('themes[0]')).toEqual(['themes', 0]);
    expect(pathSegments('sections')).toEqual(['sections']);
  });
});
