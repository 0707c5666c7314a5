// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { SelfCheckPage } from './SelfCheckPage.js';

const summary = (id: string, abbreviation: string, name: string, itemCount: number) => ({
  id,
  version: '1',
  abbreviation,
  name,
  measures: '…',
  recall: null,
  minutes: itemCount <= 2 ? 1 : 3,
  itemCount,
  hasCrisisItems: id === 'phq9',
  bandsAreIndicative: false,
  translation: { kind: 'published', source: '…' },
});

function openCatalogue() {
  stubApi({
    'GET /instruments': () =>
      json({
        items: [
          summary('phq2', 'PHQ-2', 'Kuesioner Kesehatan Pasien-2 (PHQ-2)', 2),
          summary('phq9', 'PHQ-9', 'Kuesioner Kesehatan Pasien-9 (PHQ-9)', 9),
        ],
      }),
    'GET /me/assessments/drafts': () => json({ items: [] }),
    'GET /me/campaigns': () => json({ items: [] }),
    'GET /me/assessments': () =>
      json({
        items: [
          {
            id: 'r2',
            instrumentId: 'phq9',
            instrumentVersion: '1',
            createdAt: '2026-12-01T03:00:00Z',
            result: { instrumentId: 'phq9', total: 3, band: 'minimal', crisis: false },
            bandLabel: 'minimal',
            nextStep: { crisis: false, step: 'self_care', followUp: null, urgentFollowUp: false },
            campaignId: null,
            contactRequestId: null,
          },
        ],
      }),
  });
  renderWithApp(<SelfCheckPage />, { url: '/self-check', session: sessionFixture() });
}

describe('the questionnaire catalogue', () => {
  it('leads each card with what it looks at in everyday words, the published name second', async () => {
    openCatalogue();
    const card = await screen.findByRole('listitem', { name: 'Suasana hati dua minggu terakhir' });
    const title = within(card).getByRole('heading', { level: 3 });
    const published = within(card).getByText('Kuesioner Kesehatan Pasien-9 (PHQ-9)');
    expect(title.compareDocumentPosition(published) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('suggests where to start: the two-question screener, not the full one', async () => {
    openCatalogue();
    const short = await screen.findByRole('listitem', { name: 'Suasana hati dua minggu terakhir, versi singkat' });
    expect(within(short).getByText('Mulai dari sini')).toBeTruthy();
    const full = screen.getByRole('listitem', { name: 'Suasana hati dua minggu terakhir' });
    expect(within(full).queryByText('Mulai dari sini')).toBeNull();
  });

  it('shows when the person last took each one and the result, from their own results', async () => {
    openCatalogue();
    const full = await screen.findByRole('listitem', { name: 'Suasana hati dua minggu terakhir' });
    expect(
      await within(full).findByText(/Terakhir diisi 1 Des 2026 · Hasil terakhir: Gejala depresi minimal/),
    ).toBeTruthy();
    expect(within(full).getByRole('link', { name: /^Isi lagi\s*PHQ-9$/ })).toBeTruthy();
    expect(within(full).getByRole('link', { name: /^Riwayat hasil\s*PHQ-9$/ })).toBeTruthy();
    const short = screen.getByRole('listitem', { name: 'Suasana hati dua minggu terakhir, versi singkat' });
    expect(within(short).getByText('Belum pernah Anda isi')).toBeTruthy();
    expect(within(short).getByRole('link', { name: /^Mulai\s*PHQ-2$/ })).toBeTruthy();
  });
});
