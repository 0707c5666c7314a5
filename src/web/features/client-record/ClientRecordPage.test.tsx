// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ClientTimeline } from '../../api/consent.api.js';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { ClientRecordPage } from './ClientRecordPage.js';

// jsdom draws no canvas; the chart's words and table are what this test reads.
vi.mock('./MbcChart.js', () => ({ MbcChart: () => <div data-testid="chart" /> }));

const session = sessionFixture({ roles: ['employee', 'counsellor'] });
const PATH = 'GET /counselling/clients//timeline';

const record = (over: Partial<ClientTimeline> = {}): ClientTimeline => ({
  client: { id: 'c1', fullName: 'Anton Hartono', unitName: 'Bagian Tata Pemerintahan' },
  consents: [{ kind: 'shared_results', expiresAt: '2027-05-23T02:00:00.000Z' }],
  appointments: [
    {
      id: 'a1',
      start: '2026-11-20T02:00:00.000Z',
      end: '2026-11-20T02:50:00.000Z',
      mode: 'video',
      status: 'completed',
    },
  ],
  shared: [],
  measures: [
    {
      instrument: 'phq9',
      min: 0,
      max: 27,
      cutOff: 10,
      reliableChangePoints: 6,
      points: [
        { at: '2026-09-01T02:00:00.000Z', total: 18, band: 'moderately_severe', step: null },
        {
          at: '2026-10-01T02:00:00.000Z',
          total: 14,
          band: 'moderate',
          step: { delta: -4, change: 'no_reliable_change' },
        },
        { at: '2026-11-01T02:00:00.000Z', total: 7, band: 'mild', step: { delta: -7, change: 'improved' } },
      ],
      overall: { delta: -11, change: 'improved', recovered: true },
    },
    { instrument: 'gad7', min: 0, max: 21, cutOff: 10, reliableChangePoints: 4, points: [], overall: null },
  ],
  checkInWeeks: null,
  ...over,
});

describe("a client's record", () => {
  it('says the reliable change and the cut-off in words, with every score in a table', async () => {
    stubApi({ [PATH]: () => json(record()) });
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    expect(await screen.findByRole('heading', { level: 1, name: 'Catatan perjalanan Anton Hartono' })).toBeTruthy();
    expect(screen.getByText(/Membaik secara bermakna: dari 18 \(cukup berat\) menjadi 7 \(ringan\)/)).toBeTruthy();
    expect(screen.getByText(/Kini di bawah batas klinis\./)).toBeTruthy();
    expect(screen.getByText(/Batas klinis 10/)).toBeTruthy();
    expect(screen.getByText(/bermakna bila minimal 6 poin/)).toBeTruthy();
    await userEvent.click(screen.getAllByText('Lihat sebagai tabel')[0] as HTMLElement);
    expect(screen.getAllByText('turun 7 poin — membaik bermakna').length).toBeGreaterThan(0);
    expect(screen.getAllByText('-4 poin — belum bermakna').length).toBeGreaterThan(0);
    expect(screen.getByText('Klien belum punya hasil GAD-7 (kecemasan).')).toBeTruthy();
    expect(screen.getByText('Ringkasan cek harian tampil bila klien mengizinkannya.')).toBeTruthy();
  });

  it('shows no chart and says why when the client has not consented', async () => {
    stubApi({ [PATH]: () => json(record({ consents: [], measures: null })) });
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    expect(await screen.findByText(/Grafik perkembangan tampil bila klien mengizinkan/)).toBeTruthy();
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByText('Klien belum memberi izin apa pun kepada Anda.')).toBeTruthy();
  });

  it('says plainly when the client is not theirs', async () => {
    stubApi({});
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    expect(await screen.findByText(/Klien ini tidak ditemukan/)).toBeTruthy();
  });
});
