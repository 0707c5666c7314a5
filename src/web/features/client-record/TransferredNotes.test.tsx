// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ClientTimeline } from '../../api/consent.api.js';
import type { TransferredNotes } from '../../api/notes.api.js';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { ClientRecordPage } from './ClientRecordPage.js';

vi.mock('./MbcChart.js', () => ({ MbcChart: () => <div data-testid="chart" /> }));

const session = sessionFixture({ roles: ['employee', 'counsellor'] });
const RECORD = 'GET /counselling/clients//timeline';
const TRANSFERRED = 'GET /counselling/clients/c1/transferred-notes';

// A client who moved to this counsellor before their first appointment: only the transfer relates them.
const record: ClientTimeline = {
  client: { id: 'c1', fullName: 'Anton Hartono', unitName: null },
  consents: [],
  appointments: [],
  shared: [],
  measures: null,
  checkInWeeks: null,
};

const note = (over: Partial<TransferredNotes['notes'][number]>): TransferredNotes['notes'][number] => ({
  id: 'n1',
  format: 'soap',
  subjective: 'Sulit tidur sejak mutasi',
  objective: 'PHQ-9 skor 14',
  assessment: 'Depresi sedang',
  plan: 'Relaksasi otot progresif',
  body: '',
  withheld: false,
  withheldReason: '',
  version: 1,
  createdAt: '2026-11-16T03:00:00.000Z',
  updatedAt: '2026-11-16T03:00:00.000Z',
  sessionAt: '2026-11-16T02:00:00.000Z',
  counsellorName: 'Retno Palupi',
  ...over,
});

const section = async () => {
  const heading = await screen.findByRole('heading', { level: 2, name: 'Catatan dari konselor sebelumnya' });
  return heading.closest('section') as HTMLElement;
};

describe('notes from the previous counsellor on a client’s record', () => {
  it('lists the handed-over notes read-only, with their author, and flags one withheld from the client', async () => {
    stubApi({
      [RECORD]: () => json(record),
      [TRANSFERRED]: () =>
        json({
          sources: [{ counsellorName: 'Retno Palupi', expiresAt: '2027-02-23T02:00:00.000Z' }],
          notes: [
            note({}),
            note({
              id: 'n2',
              format: 'free',
              body: 'Menyebut pikiran menyakiti diri saat lembur',
              withheld: true,
              withheldReason: 'Perlu dibahas langsung dengan klien',
              sessionAt: '2026-11-19T02:00:00.000Z',
            }),
          ],
        } satisfies TransferredNotes),
    });
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    const s = await section();
    expect(await within(s).findByText(/^Dari Retno Palupi, izin berlaku sampai/)).toBeTruthy();
    const cards = within(s)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('note-card'));
    expect(cards).toHaveLength(2);
    const [first, second] = cards as [HTMLElement, HTMLElement];
    expect(within(first).getByText('Sulit tidur sejak mutasi')).toBeTruthy();
    expect(within(first).getByText('Relaksasi otot progresif')).toBeTruthy();
    expect(within(first).getByText('Ditulis oleh Retno Palupi')).toBeTruthy();
    expect(within(first).queryByText('Tidak disertakan dalam salinan klien')).toBeNull();
    expect(within(second).getByText('Tidak disertakan dalam salinan klien')).toBeTruthy();
    expect(within(second).getByText('Alasan: Perlu dibahas langsung dengan klien')).toBeTruthy();
    expect(within(second).getByText('Menyebut pikiran menyakiti diri saat lembur')).toBeTruthy();
    // Read-only: nothing on the section writes.
    expect(within(s).queryByRole('button')).toBeNull();
    expect(within(s).queryByRole('textbox')).toBeNull();
  });

  it('explains that the client can allow it when no transfer is in force (the server says 404)', async () => {
    const calls = stubApi({ [RECORD]: () => json({ ...record, appointments: [] }) });
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    const s = await section();
    expect(await within(s).findByText(/klien dapat mengizinkan catatan sesinya diteruskan kepada Anda/)).toBeTruthy();
    expect(within(s).queryByRole('alert')).toBeNull();
    // A refusal is not retried: each request would be a read the client sees.
    expect(calls.filter((c) => c.path === '/counselling/clients/c1/transferred-notes')).toHaveLength(1);
  });

  it('says when the previous counsellor has written nothing yet', async () => {
    stubApi({
      [RECORD]: () => json(record),
      [TRANSFERRED]: () =>
        json({ sources: [{ counsellorName: 'Retno Palupi', expiresAt: '2027-02-23T02:00:00.000Z' }], notes: [] }),
    });
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    const s = await section();
    expect(
      await within(s).findByText('Konselor sebelumnya belum menulis catatan sesi tentang klien ini.'),
    ).toBeTruthy();
  });

  it('shows a load error with a retry when the server fails', async () => {
    stubApi({
      [RECORD]: () => json(record),
      [TRANSFERRED]: () => json({ error: { code: 'internal', message: 'Terjadi gangguan.', details: [] } }, 500),
    });
    renderWithApp(<ClientRecordPage />, { url: '/counselling/clients/', session });
    const s = await section();
    expect(await within(s).findByText('Terjadi gangguan.', {}, { timeout: 5000 })).toBeTruthy();
    expect(within(s).getByRole('button', { name: 'Coba lagi' })).toBeTruthy();
  });
});
