import { describe, expect, it } from 'vitest';
import { actionProblems, isOverdue, MAX_BUDGET, noteProblems } from './actions.js';
import { cellKey, copyFigures, defaultSelection, publicationCells, type ResultNode } from './publication.js';

const shown = (value: number) => ({ value, withheld: null });
const hidden = { value: null, withheld: 'below_threshold' as const };

const total: ResultNode = {
  nodeId: 'survey-total',
  parentId: null,
  depth: 0,
  themes: [
    { themeId: 'workload', favourableShare: shown(0.6), score: shown(62.5) },
    { themeId: 'support', favourableShare: hidden, score: hidden },
  ],
};
const unit: ResultNode = {
  nodeId: 'u1',
  parentId: null,
  depth: 0,
  themes: [
    { themeId: 'workload', favourableShare: shown(0.5), score: { value: null, withheld: 'uniform' } },
    { themeId: 'support', favourableShare: hidden, score: hidden },
  ],
};
const cells = publicationCells({ total, rows: [unit] });

describe('publication cells', () => {
  it('lists every theme of the whole survey and each unit, served when any figure is shown', () => {
    expect(cells.map((c) => [c.nodeId, c.themeId, c.served])).toEqual([
      ['survey-total', 'workload', true],
      ['survey-total', 'support', false],
      ['u1', 'workload', true],
      ['u1', 'support', false],
    ]);
  });

  it('chooses every served cell by default and no withheld one', () => {
    expect(defaultSelection(cells)).toEqual([cellKey('survey-total', 'workload'), cellKey('u1', 'workload')]);
  });

  it('copies the stored figures of the chosen cells, as they are', () => {
    const outcome = copyFigures(cells, [cellKey('u1', 'workload')]);
    expect(outcome).toEqual({
      ok: true,
      figures: [
        { nodeId: 'u1', themeId: 'workload', favourableShare: shown(0.5), score: { value: null, withheld: 'uniform' } },
      ],
    });
  });

  it('refuses a choice naming a withheld cell or one the results do not have', () => {
    expect(copyFigures(cells, [cellKey('survey-total', 'workload'), cellKey('u1', 'support')])).toEqual({
      ok: false,
      withheld: [cellKey('u1', 'support')],
      unknown: [],
    });
    expect(copyFigures(cells, [cellKey('u9', 'workload')])).toMatchObject({ ok: false, unknown: ['u9|workload'] });
  });
});

describe('action rules', () => {
  const survey = { closedOn: '2026-11-30' };
  it('accepts a due date from the closing day on and a budget from zero', () => {
    expect(actionProblems({ dueOn: '2026-11-30', budget: 0 }, survey)).toEqual([]);
    expect(actionProblems({ dueOn: '2027-03-31', budget: null }, survey)).toEqual([]);
  });

  it('refuses a due date before the survey closed, a negative or absurd budget', () => {
    expect(actionProblems({ dueOn: '2026-11-29', budget: -1 }, survey)).toEqual([
      { path: 'dueOn', key: 'survey_actions.due_before_survey' },
      { path: 'budget', key: 'survey_actions.negative_budget' },
    ]);
    expect(actionProblems({ dueOn: '2027-01-01', budget: MAX_BUDGET + 1 }, survey)).toEqual([
      { path: 'budget', key: 'survey_actions.budget_too_large' },
    ]);
  });

  it('refuses a progress note dated ahead', () => {
    expect(noteProblems({ notedOn: '2026-12-04' }, '2026-12-04')).toEqual([]);
    expect(noteProblems({ notedOn: '2026-12-05' }, '2026-12-04')).toHaveLength(1);
  });

  it('marks overdue only what is still to be done and past its day', () => {
    expect(isOverdue({ status: 'planned', dueOn: '2026-12-03' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-12-04' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2026-01-01' }, '2026-12-04')).toBe(false);
  });
});
