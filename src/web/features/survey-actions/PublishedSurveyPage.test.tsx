// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyPublication } from '../../api/survey-actions.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { PublishedSurveyPage } from './PublishedSurveyPage.js';

const both = (text: string) => ({ id: text, en: `${text} (en)` });
const publication: MyPublication = {
  surveyId: 's1',
  title: 'Survei Pulse November',
  summary: 'Beban kerja masih berat.',
  publishedAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-02T02:00:00.000Z',
  themes: [
    { id: 'workload', name: both('Beban kerja') },
    { id: 'rest', name: both('Istirahat') },
  ],
  rows: [
    {
      nodeId: 'survey-total',
      unitName: '',
      themes: [
        { themeId: 'workload', favourableShare: { value: 0.42, withheld: null }, score: { value: 55, withheld: null } },
        { themeId: 'rest', favourableShare: { value: null, withheld: null }, score: { value: null, withheld: null } },
      ],
    },
  ],
  actions: [
    {
      id: 'a1',
      title: 'Rapat selesai sebelum 16.00',
      description: 'Rapat rutin pagi hari.',
      owner: 'Sekretaris',
      dueOn: '2027-03-31',
      budget: 12_500_000,
      status: 'in_progress',
      unitName: '',
      themeName: both('Beban kerja'),
      notes: [{ id: 'n1', notedOn: '2026-12-02', text: 'Edaran sudah dikirim.' }],
      followUp: null,
    },
  ],
  followUp: null,
};

function open(answer: () => Response) {
  stubApi({ 'GET /me/survey-publications/s1': answer });
  renderWithRoutes([{ path: '/surveys/published/:id', element: <PublishedSurveyPage /> }], {
    url: '/surveys/published/s1',
    session: sessionFixture(),
  });
}

describe('published survey results, as staff read them', () => {
  it('shows what was heard, each theme with its published share or "—", and the actions with progress', async () => {
    open(() => json(publication));
    expect(await screen.findByRole('heading', { level: 1, name: 'Survei Pulse November' })).toBeTruthy();
    expect(screen.getByText('Beban kerja masih berat.')).toBeTruthy();
    const figures = screen.getByRole('region', { name: 'Angka hasil survei' });
    expect(within(figures).getByRole('row', { name: /^Beban kerja/ }).textContent).toContain('42%');
    const rest = within(figures).getByRole('row', { name: /^Istirahat/ });
    expect(rest.textContent).toContain('—');
    expect(rest.textContent).not.toMatch(/\d/);
    const actions = screen.getByRole('region', { name: 'Yang akan kami lakukan' });
    expect(within(actions).getByText('Berjalan')).toBeTruthy();
    expect(within(actions).getByText('Rp 12.500.000')).toBeTruthy();
    expect(within(actions).getByText(/Edaran sudah dikirim\./)).toBeTruthy();
  });

  it('shows a next wave\u2019s word beside an action, and its own follow-up of the earlier actions', async () => {
    const figures = {
      actionId: 'a1',
      helped: { n: { value: 40, withheld: null }, favourableShare: { value: 0.7, withheld: null } },
      before: { favourableShare: { value: 0.42, withheld: null }, score: { value: 55, withheld: null } },
      after: { favourableShare: { value: 0.47, withheld: null }, score: { value: 58, withheld: null } },
      change: 5,
    } as const;
    const action = publication.actions[0]!;
    open(() =>
      json({
        ...publication,
        actions: [{ ...action, followUp: { title: 'Survei Pulse Februari', figures } }],
        followUp: {
          previousTitle: 'Survei Pulse Agustus',
          items: [
            {
              action: {
                id: 'p1',
                title: 'Cuti bergilir',
                unitName: 'Bidang Umum',
                themeName: both('Istirahat'),
                status: 'done',
              },
              figures: {
                ...figures,
                actionId: 'p1',
                helped: null,
                before: { ...figures.before, favourableShare: { value: null, withheld: 'complementary' } },
                change: null,
              },
            },
          ],
        },
      }),
    );
    const actions = await screen.findByRole('region', { name: 'Yang akan kami lakukan' });
    const beside = within(actions).getByRole('listitem', { name: 'Rapat selesai sebelum 16.00' });
    expect(within(beside).getByText('Menurut survei “Survei Pulse Februari”')).toBeTruthy();
    expect(beside.textContent).toContain('70%');
    expect(beside.textContent).toContain('dari 40 yang menjawab');
    expect(beside.textContent).toMatch(/42%.*47%/);
    expect(within(beside).getByText('naik 5 poin dibanding "Survei Pulse November"')).toBeTruthy();

    const earlier = screen.getByRole('region', { name: 'Tindak lanjut survei sebelumnya' });
    expect(within(earlier).getByText(/Setelah survei “Survei Pulse Agustus”/)).toBeTruthy();
    const item = within(earlier).getByRole('listitem', { name: 'Cuti bergilir' });
    expect(within(item).getByText('Selesai')).toBeTruthy();
    expect(within(item).getByText('Survei itu tidak menanyakan tindakan ini.')).toBeTruthy();
    // A withheld "before" is a dash, and no change is claimed from it.
    expect(item.textContent).toContain('—');
    expect(item.textContent).not.toMatch(/naik|turun/);
  });

  it('says the results are not available to someone who may not read them', async () => {
    open(() => json({ error: { code: 'not_found', message: 'Tidak ditemukan', details: [], requestId: 'r' } }, 404));
    expect(await screen.findByText('Hasil survei ini tidak tersedia')).toBeTruthy();
    expect(screen.queryByText('Beban kerja masih berat.')).toBeNull();
  });
});
