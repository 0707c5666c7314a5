// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CASELOAD_PATH, type CaseloadItem } from '../../api/caseload.api.js';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { CaseloadPage } from './CaseloadPage.js';

const session = sessionFixture({ roles: ['employee', 'counsellor'] });
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

function client(id: string, fullName: string, overrides: Partial<CaseloadItem> = {}): CaseloadItem {
  return {
    client: { id, fullName },
    active: true,
    nextAppointment: null,
    toConfirm: 0,
    lastSessionAt: inDays(-10),
    sessionsHeld: 3,
    noShows: 1,
    shared: { count: 0, latest: null },
    consents: [],
    referral: null,
    returnPlan: null,
    ...overrides,
  };
}

const list = (items: CaseloadItem[], total = items.length) => ({
  items,
  total,
  activeWindowDays: 90,
  timeZone: 'Asia/Jakarta',
});

/** Answers the caseload with `answer(query)` and remembers each query asked; anything else is a 404. */
function stubCaseload(answer: (query: URLSearchParams) => Response) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    if (url.pathname !== CASELOAD_PATH)
      return json({ error: { code: 'not_found', message: 'Not found', details: [] } }, 404);
    asked.push(url.searchParams.toString());
    return answer(url.searchParams);
  });
  return asked;
}

describe('my clients (the caseload)', () => {
  it('shows each client with a link to their record and the badges that ask for action', async () => {
    stubCaseload(() =>
      json(
        list([
          client('c1', 'Ani Lestari', {
            nextAppointment: {
              id: 'a1',
              start: inDays(1),
              end: inDays(1),
              mode: 'video',
              status: 'booked',
              confirmed: false,
            },
            toConfirm: 1,
            consents: ['shared_results', 'check_in_trends'],
            referral: {
              status: 'given',
              expiresOn: inDays(10).slice(0, 10),
              expiry: { kind: 'valid', daysLeft: 10, soon: true },
            },
          }),
          client('c2', 'Budi Santoso', {
            active: false,
            shared: { count: 2, latest: { instrumentId: 'phq9', band: 'moderate', takenAt: inDays(-3) } },
            returnPlan: { state: 'awaiting_agreement', startDate: inDays(7).slice(0, 10) },
          }),
        ]),
      ),
    );
    renderWithApp(<CaseloadPage />, { url: '/counselling/caseload', session });
    const table = await screen.findByRole('table', { name: 'Klien Anda, jadwal terdekat lebih dulu' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Ani Lestari', 'Budi Santoso']);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/counselling/clients/c1');
    const ani = within(rows[0] as HTMLElement);
    expect(ani.getByText('Perlu dikonfirmasi')).toBeTruthy();
    expect(ani.getByText('Hasil dari waktu ke waktu')).toBeTruthy();
    expect(ani.getByText('Ringkasan cek harian')).toBeTruthy();
    expect(ani.getByText('Rujukan segera kedaluwarsa')).toBeTruthy();
    expect(ani.getByText(/Rujukan: Sudah diserahkan · Berlaku 10 hari lagi/)).toBeTruthy();
    const budi = within(rows[1] as HTMLElement);
    expect(budi.getByText('Tidak aktif')).toBeTruthy();
    expect(budi.getByText('2 hasil')).toBeTruthy();
    expect(budi.getByText(/Rencana kembali bekerja: menunggu persetujuan klien/)).toBeTruthy();
    expect(budi.queryByText('Perlu dikonfirmasi')).toBeNull();
    expect(screen.getByText('Menampilkan 2 dari 2 klien.')).toBeTruthy();
    // The same clients as cards for a phone.
    expect(
      within(screen.getByRole('list', { name: 'Klien Anda, jadwal terdekat lebih dulu' })).getAllByRole('listitem'),
    ).toHaveLength(2);
  });

  it('says what to do when no client is active, and asks for all of them on "Semua klien"', async () => {
    const asked = stubCaseload((query) =>
      json(query.get('filter') === 'all' ? list([client('c3', 'Citra Dewi', { active: false })]) : list([], 1)),
    );
    const user = userEvent.setup();
    const { router } = renderWithApp(<CaseloadPage />, { url: '/counselling/caseload', session });
    expect(await screen.findByText('Belum ada klien aktif.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Semua klien' }));
    expect((await screen.findAllByRole('link', { name: 'Citra Dewi' })).length).toBeGreaterThan(0);
    expect(asked).toEqual(['filter=active', 'filter=all']);
    expect(router.state.location.search).toBe('?filter=all');
  });

  it('searches by name once typing rests, and offers to clear a search that finds no one', async () => {
    const asked = stubCaseload((query) =>
      json(query.get('q') ? list([], 4) : list([client('c1', 'Ani Lestari'), client('c2', 'Budi Santoso')])),
    );
    const user = userEvent.setup();
    renderWithApp(<CaseloadPage />, { url: '/counselling/caseload', session });
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Cari nama klien'), 'zainal');
    expect(
      await screen.findByText('Tidak ada klien yang namanya memuat "zainal".', {}, { timeout: 2000 }),
    ).toBeTruthy();
    // One read for the whole word, not one per key: each read is audited.
    expect(asked).toEqual(['filter=active', 'filter=active&q=zainal']);
    await user.click(screen.getByRole('button', { name: 'Hapus pencarian' }));
    expect((await screen.findAllByRole('link', { name: 'Ani Lestari' }, { timeout: 2000 })).length).toBeGreaterThan(0);
  });

  it('shows the error with a retry when the list cannot be read', async () => {
    stubCaseload(() => json({ error: { code: 'internal', message: 'Terjadi kesalahan.', details: [] } }, 500));
    renderWithApp(<CaseloadPage />, { url: '/counselling/caseload', session });
    expect(await screen.findByRole('button', { name: /Coba lagi/ }, { timeout: 4000 })).toBeTruthy();
  });
});
