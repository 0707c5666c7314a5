// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActionDetail } from '../../api/survey-actions.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { SurveyActionPage } from './SurveyActionPage.js';

const shown = (value: number) => ({ value, withheld: null });
const action: ActionDetail = {
  id: 'a1',
  surveyId: 's1',
  surveyTitle: 'Pulse Juni',
  nodeId: 'u1',
  unitName: 'Bidang Pelayanan',
  themeId: 'workload',
  themeName: { id: 'Beban kerja', en: 'Workload' },
  title: 'Rapat selesai sebelum 16.00',
  description: '',
  owner: 'Sekretaris',
  dueOn: '2026-08-31',
  budget: null,
  status: 'done',
  published: true,
  overdue: false,
  createdAt: '2026-06-25T02:00:00.000Z',
  updatedAt: '2026-06-25T02:00:00.000Z',
  notes: [],
  followUp: null,
};

function open(detail: ActionDetail) {
  stubApi({ 'GET /survey-actions/a1': () => json(detail) });
  renderWithRoutes([{ path: '/survey-actions/:id', element: <SurveyActionPage /> }], {
    url: '/survey-actions/a1',
    session: sessionFixture(),
  });
}

describe('an action\u2019s page, on the loop between waves', () => {
  it('says where the answer will come from while no later wave has closed', async () => {
    open(action);
    const region = await screen.findByRole('region', { name: 'Apakah tindakan ini membantu?' });
    expect(region.textContent).toContain('Setelah survei berikutnya');
  });

  it('shows the later wave\u2019s answer and the theme before and after, a fall as a fall', async () => {
    open({
      ...action,
      followUp: {
        surveyId: 's2',
        title: 'Pulse November',
        figures: {
          actionId: 'a1',
          helped: { n: shown(38), favourableShare: shown(0.61) },
          before: { favourableShare: shown(0.55), score: shown(60) },
          after: { favourableShare: shown(0.48), score: shown(57) },
          change: -7,
        },
      },
    });
    const region = await screen.findByRole('region', { name: 'Apakah tindakan ini membantu?' });
    expect(within(region).getByText('Menurut survei “Pulse November”')).toBeTruthy();
    expect(region.textContent).toContain('61%');
    expect(region.textContent).toContain('dari 38 yang menjawab');
    expect(within(region).getByText('Tema “Beban kerja” — Bidang Pelayanan')).toBeTruthy();
    expect(within(region).getByText('turun 7 poin dibanding "Pulse Juni"')).toBeTruthy();
  });
});
