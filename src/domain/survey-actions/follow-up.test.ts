import { describe, expect, it } from 'vitest';
import { validateDefinition, type SurveyDefinition } from '../surveys/definition.js';
import type { ResultFigure } from '../surveys/results.js';
import {
  FOLLOW_UP_SECTION_ID,
  followUpFigures,
  followUpQuestionId,
  followUpSection,
  MAX_FOLLOW_UP_QUESTIONS,
  withFollowUpSection,
  type WaveResults,
} from './follow-up.js';
import type { PublicationCell } from './publication.js';

const shown = (value: number): ResultFigure => ({ value, withheld: null });
const hidden: ResultFigure = { value: null, withheld: 'complementary' };
const cell = (nodeId: string, themeId: string, share: ResultFigure): PublicationCell => ({
  nodeId,
  parentId: null,
  depth: 0,
  themeId,
  favourableShare: share,
  score: share.value === null ? hidden : shown(share.value * 100),
  served: share.value !== null,
});
const actionId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base: SurveyDefinition = {
  themes: [],
  sections: [
    {
      id: 'umum',
      title: { id: 'Umum', en: 'General' },
      questions: [{ id: 'q1', kind: 'text', text: { id: 'Saran', en: 'Ideas' }, required: false, maxLength: 500 }],
    },
  ],
};

describe('the follow-up section', () => {
  it('asks one optional agreement question per action, naming its unit, and is a valid definition', () => {
    const section = followUpSection(
      [
        { id: actionId(1), title: 'Rapat selesai 16.00', unitName: 'Bidang Umum' },
        { id: actionId(2), title: 'Cuti bergilir', unitName: '' },
      ],
      'Pulse Oktober',
    );
    expect(section.id).toBe(FOLLOW_UP_SECTION_ID);
    expect(section.intro?.id).toContain('Pulse Oktober');
    expect(section.questions.map((q) => q.id)).toEqual([
      followUpQuestionId(actionId(1)),
      followUpQuestionId(actionId(2)),
    ]);
    expect(section.questions.every((q) => q.kind === 'likert' && !q.required && q.themeId === undefined)).toBe(true);
    expect(section.questions[0]?.text.id).toBe(
      'Tindakan “Rapat selesai 16.00” (Bidang Umum) membantu memperbaiki keadaan di tempat kerja saya.',
    );
    expect(section.questions[1]?.text.en).toBe('The action “Cuti bergilir” has helped improve things where I work.');
    expect(validateDefinition(withFollowUpSection(base, section))).toEqual([]);
  });

  it('asks about at most MAX_FOLLOW_UP_QUESTIONS actions', () => {
    const many = Array.from({ length: MAX_FOLLOW_UP_QUESTIONS + 5 }, (_, i) => ({
      id: actionId(i),
      title: `Tindakan ${i}`,
      unitName: '',
    }));
    expect(followUpSection(many, 'x').questions).toHaveLength(MAX_FOLLOW_UP_QUESTIONS);
  });

  it('replaces an earlier follow-up section where it stands, else adds it last', () => {
    const first = withFollowUpSection(base, followUpSection([{ id: actionId(1), title: 'A', unitName: '' }], 'x'));
    const withLater = { ...first, sections: [...first.sections, { ...base.sections[0]!, id: 'akhir' }] };
    const again = withFollowUpSection(withLater, followUpSection([{ id: actionId(2), title: 'B', unitName: '' }], 'x'));
    expect(again.sections.map((s) => s.id)).toEqual(['umum', FOLLOW_UP_SECTION_ID, 'akhir']);
    expect(again.sections[1]?.questions.map((q) => q.id)).toEqual([followUpQuestionId(actionId(2))]);
  });

  it('refuses two questions on one action', () => {
    const section = followUpSection([{ id: actionId(1), title: 'A', unitName: '' }], 'x');
    const twice = { ...section, questions: [...section.questions, { ...section.questions[0]!, id: 'tl-lagi' }] };
    expect(validateDefinition(withFollowUpSection(base, twice))).toEqual([
      { path: 'sections[1].questions[1].followsAction', code: 'surveys.definition.duplicate_action' },
    ]);
  });
});

describe('follow-up figures', () => {
  const unit = 'unit-a';
  const next = withFollowUpSection(base, followUpSection([{ id: actionId(1), title: 'A', unitName: '' }], 'x'));
  const wave = (cells: PublicationCell[], helped?: { n: ResultFigure; share: ResultFigure }): WaveResults => ({
    cells,
    totalQuestions: helped
      ? [
          {
            questionId: followUpQuestionId(actionId(1)),
            kind: 'likert',
            n: helped.n,
            bands: [],
            favourableShare: helped.share,
            mean: hidden,
          },
        ]
      : [],
  });

  it('copies the stored cells of both waves and the difference of the percentages as shown', () => {
    const [f] = followUpFigures(
      [{ id: actionId(1), nodeId: unit, themeId: 'beban' }],
      wave([cell(unit, 'beban', shown(0.424))]),
      wave([cell(unit, 'beban', shown(0.466))], { n: shown(40), share: shown(0.7) }),
      next,
    );
    expect(f).toEqual({
      actionId: actionId(1),
      helped: { n: shown(40), favourableShare: shown(0.7) },
      before: { favourableShare: shown(0.424), score: shown(42.4) },
      after: { favourableShare: shown(0.466), score: shown(46.6) },
      // 47% − 42%, as a reader sees them (not 4.2 points).
      change: 5,
    });
  });

  it('keeps a withheld figure withheld, and then shows no change', () => {
    const [f] = followUpFigures(
      [{ id: actionId(1), nodeId: unit, themeId: 'beban' }],
      wave([cell(unit, 'beban', hidden)]),
      wave([cell(unit, 'beban', shown(0.6))], { n: shown(3), share: hidden }),
      next,
    );
    expect(f?.before?.favourableShare).toEqual(hidden);
    expect(f?.helped?.favourableShare).toEqual(hidden);
    expect(f?.change).toBeNull();
  });

  it('says when the next wave did not ask, or no longer has the unit', () => {
    const [f] = followUpFigures(
      [{ id: actionId(9), nodeId: unit, themeId: 'beban' }],
      wave([cell(unit, 'beban', shown(0.5))]),
      wave([cell('unit-b', 'beban', shown(0.6))]),
      next,
    );
    expect(f).toMatchObject({ helped: null, after: null, change: null });
  });
});
