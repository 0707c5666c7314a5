// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { NodeResultView, ResultFigureView } from '../../../contracts/surveys.js';
import type { SurveyCommentsView, SurveyDetail, SurveyResultsView } from '../../api/surveys.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { SurveyResultsPage } from './SurveyResultsPage.js';

const both = (text: string) => ({ id: text, en: `${text} (en)` });
const shown = (value: number): ResultFigureView => ({ value, withheld: null });
const hidden = (withheld: NonNullable<ResultFigureView['withheld']>): ResultFigureView => ({ value: null, withheld });

const survey: SurveyDetail = {
  id: 's1',
  title: 'Denyut Desember',
  templateId: 'pulse',
  variant: 'administration',
  status: 'closed',
  units: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
  employmentTypes: [],
  opensOn: '2026-12-01',
  closesOn: '2026-12-10',
  previousSurveyId: 's0',
  questionCount: 2,
  threshold: 7,
  memberCount: 40,
  createdAt: '2026-11-30T01:00:00.000Z',
  openedAt: '2026-12-01T01:00:00.000Z',
  closedAt: '2026-12-10T16:00:00.000Z',
  definition: {
    themes: [{ id: 'load', name: both('Beban kerja'), description: both('Beban') }],
    sections: [
      {
        id: 'main',
        title: both('Dua minggu terakhir'),
        questions: [
          {
            id: 'manageable',
            kind: 'likert',
            points: 5,
            labels: [],
            required: true,
            themeId: 'load',
            text: both('Beban kerja saya masih dapat saya kelola.'),
          },
          { id: 'say', kind: 'text', maxLength: 500, required: false, text: both('Apa yang perlu diperbaiki?') },
        ],
      },
    ],
  },
};

function node(
  nodeId: string,
  unitName: string,
  parentId: string | null,
  depth: number,
  share: ResultFigureView,
): NodeResultView {
  const shownNode = share.value !== null;
  return {
    nodeId,
    unitName,
    parentId,
    depth,
    members: 20,
    respondents: shownNode ? shown(15) : hidden('below_threshold'),
    questions: [
      {
        questionId: 'manageable',
        kind: 'likert',
        n: shownNode ? shown(15) : hidden('below_threshold'),
        bands: [
          { band: 'unfavourable', count: shownNode ? shown(3) : hidden('below_threshold') },
          { band: 'neutral', count: shownNode ? shown(0) : hidden('below_threshold') },
          { band: 'favourable', count: shownNode ? shown(12) : hidden('below_threshold') },
        ],
        favourableShare: share,
        mean: shownNode ? shown(3.9) : hidden('depends_on_withheld'),
      },
      { questionId: 'say', kind: 'text', n: shownNode ? shown(8) : hidden('below_threshold') },
    ],
    themes: [
      { themeId: 'load', favourableShare: share, score: shownNode ? shown(71.6) : hidden('depends_on_withheld') },
    ],
  };
}

const results: SurveyResultsView = {
  surveyId: 's1',
  title: 'Denyut Desember',
  threshold: 7,
  commentThreshold: 10,
  computedAt: '2026-12-10T16:05:00.000Z',
  filter: null,
  filters: [
    { attribute: 'employmentType', values: ['pns', 'pppk'] },
    { attribute: 'ageBand', values: ['<30', '30-39'] },
  ],
  total: node('survey-total', 'Semua', null, 0, shown(0.62)),
  rows: [
    node('sek', 'Sekretariat', 'dinkes', 1, hidden('complementary')),
    node('dinkes', 'Dinas Kesehatan', null, 0, shown(0.62)),
  ],
  previous: {
    surveyId: 's0',
    title: 'Denyut Juni',
    closedAt: '2026-06-30T16:00:00.000Z',
    total: node('survey-total', 'Semua', null, 0, shown(0.5)),
    rows: [],
  },
};

const comments: SurveyCommentsView = {
  surveyId: 's1',
  commentThreshold: 10,
  groups: [
    {
      nodeId: 'dinkes',
      unitName: 'Dinas Kesehatan',
      questions: [{ questionId: 'say', texts: ['<b>Rapat</b> terlalu banyak', '<script>alert(1)</script>'] }],
    },
  ],
};

const session = sessionFixture({
  roles: ['employee', 'wellbeing_admin'],
  grants: [{ id: 'g1', role: 'wellbeing_admin', unitId: null } as never],
});

/** The page on stubbed routes; `urls` are the full URLs asked (stubApi keeps only paths). */
function open(routes: Record<string, () => Response> = {}, url = '/surveys/s1/results') {
  stubApi({
    'GET /surveys/s1': () => json(survey),
    'GET /surveys/s1/results': () => json(results),
    'GET /surveys/s1/comments': () => json(comments),
    ...routes,
  });
  const urls: string[] = [];
  const stubbed = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input));
    return stubbed(input, init);
  });
  const view = renderWithRoutes([{ path: '/surveys/:id/results', element: <SurveyResultsPage /> }], { url, session });
  return { ...view, urls };
}

describe('survey results', () => {
  it('shows a withheld figure as "—" with its reason, never a number', async () => {
    open();
    const map = await screen.findByRole('table', { name: 'Proporsi jawaban positif per unit dan tema' });
    const sek = within(map).getByRole('row', { name: /Sekretariat/ });
    const cell = within(sek).getAllByRole('cell')[0]!;
    expect(cell.textContent).toContain('—');
    expect(cell.textContent).not.toMatch(/\d/);
    expect(
      within(cell).getByText('Disembunyikan agar kelompok kecil lain tidak dapat dihitung dari selisihnya'),
    ).toBeTruthy();
    expect(cell.querySelector('[title]')?.getAttribute('title')).toMatch(/kelompok kecil lain/);
    // Units in tree order, the parent before its sub-unit, whatever order the server sent.
    const names = within(map)
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(names).toEqual(['Seluruh survei', 'Dinas Kesehatan', 'Sekretariat']);
    const shownCell = within(within(map).getByRole('row', { name: /Dinas Kesehatan/ })).getAllByRole('cell')[0]!;
    expect(shownCell.textContent).toBe('62%');
  });

  it('shows the chosen unit’s question figures, withheld ones with their reason', async () => {
    const user = userEvent.setup();
    const view = open();
    const question = await screen.findByRole('listitem', { name: 'Beban kerja saya masih dapat saya kelola.' });
    expect(within(question).getByText('12 (80%)')).toBeTruthy();
    expect(within(question).getByText('3,9 dari 5')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Unit yang ditampilkan'), 'sek');
    const hiddenQuestion = screen.getByRole('listitem', { name: 'Beban kerja saya masih dapat saya kelola.' });
    expect(within(hiddenQuestion).queryByText(/\d+%/)).toBeNull();
    expect(within(hiddenQuestion).getAllByText('Disembunyikan: kurang dari 7 orang').length).toBeGreaterThan(0);
    expect(within(hiddenQuestion).getByText('Disembunyikan: dihitung dari angka yang disembunyikan')).toBeTruthy();
    expect(view.location()).toBe('/surveys/s1/results?unit=sek');
    const commentUnits = view.urls
      .map((u) => new URL(u, 'http://localhost'))
      .filter((u) => u.pathname === '/api/v1/surveys/s1/comments')
      .map((u) => u.searchParams.get('unit'));
    expect(commentUnits).toEqual([null, 'sek']);
  });

  it('asks for the chosen breakdown and keeps it in the URL', async () => {
    const user = userEvent.setup();
    const view = open();
    await user.selectOptions(await screen.findByLabelText('Rincian menurut'), 'ageBand:30-39');
    expect(view.location()).toBe('/surveys/s1/results?filter=ageBand%3A30-39');
    const asked = view.urls
      .map((u) => new URL(u, 'http://localhost'))
      .filter((u) => u.pathname === '/api/v1/surveys/s1/results');
    expect(asked.map((u) => u.searchParams.get('filter'))).toEqual([null, 'ageBand:30-39']);
    expect(screen.getByRole('option', { name: '30-39 tahun' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'PNS' })).toBeTruthy();
    // The files are the view on screen: the same breakdown.
    expect(screen.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href')).toBe(
      '/api/v1/surveys/s1/results/export?format=pdf&filter=ageBand%3A30-39',
    );
    expect(screen.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href')).toBe(
      '/api/v1/surveys/s1/results/export?format=xlsx&filter=ageBand%3A30-39',
    );
  });

  it('opens on the breakdown the URL keeps', async () => {
    const view = open({}, '/surveys/s1/results?filter=employmentType:pns');
    expect(((await screen.findByLabelText('Rincian menurut')) as HTMLSelectElement).value).toBe('employmentType:pns');
    expect(view.urls.some((u) => u.endsWith('/surveys/s1/results?filter=employmentType%3Apns'))).toBe(true);
  });

  it('writes the change since the previous wave as an arrow and in words', async () => {
    open();
    const themes = await screen.findByRole('region', { name: 'Indeks tema' });
    expect(within(themes).getByText('▲ 12')).toBeTruthy();
    expect(within(themes).getByText('naik 12 poin dibanding "Denyut Juni"')).toBeTruthy();
    expect(within(themes).getByText('Sebelumnya: 50%')).toBeTruthy();
    expect(within(themes).getByText('Skor 72 dari 100')).toBeTruthy();
  });

  it('shows comments as the characters people typed, never as HTML', async () => {
    open();
    const section = await screen.findByRole('region', { name: 'Yang kami dengar' });
    expect(await within(section).findByText('<b>Rapat</b> terlalu banyak')).toBeTruthy();
    expect(within(section).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(section.querySelector('b, script')).toBeNull();
    expect(within(section).getByText(/diacak dan tanpa tanggal/)).toBeTruthy();
    expect(screen.getByText(/Orang yang menulis sesuatu: 8/)).toBeTruthy();
  });

  it('says the results are still being computed, and shows them once they are', async () => {
    const user = userEvent.setup();
    let ready = false;
    open({
      'GET /surveys/s1/results': () =>
        ready
          ? json(results)
          : json({ error: { code: 'survey_results_not_ready', message: 'Masih dihitung', details: [] } }, 409),
    });
    expect(await screen.findByText('Hasil masih dihitung')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    ready = true;
    await user.click(screen.getByRole('button', { name: 'Coba sekarang' }));
    expect(await screen.findByText('15 dari 20 pegawai menjawab')).toBeTruthy();
  });

  it('says nothing can be shown when even the total is withheld', async () => {
    open({
      'GET /surveys/s1/results': () =>
        json({ ...results, total: node('survey-total', 'Semua', null, 0, hidden('below_threshold')), previous: null }),
    });
    expect(await screen.findByText('Belum ada hasil yang dapat ditampilkan')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/Jumlah yang menjawab tidak ditampilkan/)).toBeTruthy();
  });
});
