// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CampaignStats, CampaignView } from '../../api/campaigns.api.js';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { CampaignStatsPage } from './CampaignStatsPage.js';

const campaign: CampaignView = {
  id: 'c1',
  title: 'Skrining Triwulan IV',
  message: null,
  instrumentIds: ['phq2'],
  units: [{ id: 'root', name: 'Pemerintah Kabupaten Sleman' }],
  opensOn: '2026-11-25',
  closesOn: '2026-12-13',
  reminderEveryDays: 3,
  status: 'open',
  anonymityThreshold: 5,
  invited: 40,
  createdAt: '2026-11-20T02:00:00.000Z',
  launchedAt: '2026-11-25T02:00:00.000Z',
  closedAt: null,
};

const unit = (
  unitId: string,
  parentId: string | null,
  depth: number,
  participated: number | null,
  bands: [number | null, number | null],
): CampaignStats['units'][number] => ({
  unitId,
  unitName:
    { root: 'Pemerintah Kabupaten Sleman', dinkes: 'Dinas Kesehatan', pkm: 'Puskesmas Depok' }[unitId] ?? unitId,
  parentId,
  depth,
  invited: 20,
  participated,
  participationRate: participated === null ? null : participated * 5,
  instruments: [
    {
      instrumentId: 'phq2',
      respondents: participated,
      bands: [
        { band: 'negative', count: bands[0] },
        { band: 'positive', count: bands[1] },
      ],
    },
  ],
  suppression: participated === null ? 'below_threshold' : 'none',
});

function open(stats: CampaignStats) {
  stubApi({
    'GET /campaigns/': () => json(campaign),
    'GET /campaigns//stats': () => json(stats),
    'GET /instruments/phq2': () =>
      json({
        id: 'phq2',
        abbreviation: 'PHQ-2',
        bands: [
          { code: 'negative', label: 'negatif' },
          { code: 'positive', label: 'positif' },
        ],
      }),
  });
  renderWithApp(<CampaignStatsPage />, { url: '/campaigns/c1/stats', session: sessionFixture() });
}

const base = { campaignId: 'c1', threshold: 5, publishedAt: '2026-12-03T02:00:00.000Z', status: 'open' as const };

describe('the campaign report', () => {
  it('says when figures will appear instead of a page of "—"', async () => {
    open({ ...base, responses: null, previous: null, units: [unit('root', null, 0, null, [null, null])] });
    expect(await screen.findByText('Angka belum muncul', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/^Angka muncul setelah sedikitnya 5 orang menjawab\./)).toBeTruthy();
    expect(screen.getByText(/^Diterbitkan .* · berikutnya setelah 5 jawaban baru$/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Angka per unit' })).toBeNull();
  }, 30_000);

  it('leads with a summary, names a unit above the whole, and folds the tree below the first level', async () => {
    const user = userEvent.setup();
    open({
      ...base,
      responses: 30,
      previous: null,
      units: [
        unit('root', null, 0, 30, [20, 10]),
        unit('dinkes', 'root', 1, 12, [5, 7]),
        unit('pkm', 'dinkes', 2, 6, [null, null]),
      ],
    });
    const summary = await screen.findByRole('region', { name: 'Ringkasan' }, { timeout: 10_000 });
    await within(summary).findByText(/Dinas Kesehatan · PHQ-2/, undefined, { timeout: 10_000 });
    expect(within(summary).getByText('30 dari 20 orang mengisi')).toBeTruthy();
    expect(
      within(summary).getByText('Dinas Kesehatan · PHQ-2: 58% di kategori terberat (seluruh kelompok 33%)'),
    ).toBeTruthy();
    const tree = screen.getByRole('list', { name: 'Angka per unit' });
    expect(within(tree).getByRole('region', { name: 'Dinas Kesehatan' })).toBeTruthy();
    expect(within(tree).queryByRole('region', { name: 'Puskesmas Depok' })).toBeNull();
    const toggle = within(tree).getByRole('button', { name: 'Tampilkan 1 subunit Dinas Kesehatan' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(within(tree).getByRole('region', { name: 'Puskesmas Depok' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Unduh Excel (XLSX)' }).getAttribute('href')).toMatch(/format=xlsx$/);
  }, 30_000);
});
