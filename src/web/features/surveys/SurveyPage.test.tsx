// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SurveyDetail, SurveyProgress } from '../../api/surveys.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { SurveyPage } from './SurveyPage.js';

const both = (text: string) => ({ id: text, en: `${text} (en)` });

const draft: SurveyDetail = {
  id: 's1',
  title: 'Denyut Desember',
  templateId: 'pulse',
  variant: 'administration',
  status: 'draft',
  units: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
  employmentTypes: [],
  opensOn: '2026-12-04',
  closesOn: '2026-12-18',
  previousSurveyId: null,
  questionCount: 1,
  threshold: null,
  memberCount: 0,
  createdAt: '2026-12-04T01:00:00.000Z',
  openedAt: null,
  closedAt: null,
  definition: {
    themes: [],
    sections: [
      {
        id: 'main',
        title: both('Dua minggu terakhir'),
        questions: [
          {
            id: 'energy',
            kind: 'scale',
            lowLabel: both('Sangat lelah'),
            highLabel: both('Penuh tenaga'),
            required: true,
            text: both('Seberapa bertenaga Anda?'),
          },
        ],
      },
    ],
  },
};

const closed: SurveyDetail = {
  ...draft,
  status: 'closed',
  threshold: 7,
  memberCount: 20,
  openedAt: '2026-12-04T02:00:00.000Z',
  closedAt: '2026-12-10T02:00:00.000Z',
};

const progress: SurveyProgress = {
  surveyId: 's1',
  threshold: 7,
  publishedAt: '2026-12-10T02:00:00.000Z',
  memberCount: 20,
  answered: 12,
  units: [
    { unitId: 'dinkes', unitName: 'Dinas Kesehatan', parentId: null, depth: 0, members: 20, answered: 12 },
    { unitId: 'sek', unitName: 'Sekretariat', parentId: 'dinkes', depth: 1, members: 4, answered: null },
  ],
};

const unit = (id: string, name: string, parentId: string | null) => ({
  id,
  parentId,
  name,
  code: id.toUpperCase(),
  timeZone: 'Asia/Jakarta',
  isActive: true,
  peopleCount: 10,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const session = sessionFixture({
  roles: ['employee', 'wellbeing_admin'],
  grants: [{ id: 'g1', role: 'wellbeing_admin', unitId: null } as never],
});

function open(survey: SurveyDetail, routes: Record<string, () => Response> = {}) {
  let current = survey;
  const calls = stubApi({
    'GET /surveys/s1': () => json(current),
    'GET /surveys': () => json({ items: [] }),
    'GET /survey-templates': () => json({ items: [] }),
    'GET /units': () =>
      json({ items: [unit('dinkes', 'Dinas Kesehatan', null), unit('sek', 'Sekretariat', 'dinkes')] }),
    'GET /agency': () => json({ anonymityThreshold: 7 }),
    'GET /surveys/s1/progress': () => json(progress),
    ...routes,
  });
  renderWithRoutes([{ path: '/surveys/:id', element: <SurveyPage /> }], { url: '/surveys/s1', session });
  return { calls, set: (next: SurveyDetail) => (current = next) };
}

describe('opening a draft', () => {
  it('says what freezes before opening, and that too few people means adding units (422)', async () => {
    const user = userEvent.setup();
    const { calls } = open(draft, {
      'POST /surveys/s1/open': () =>
        json(
          {
            error: {
              code: 'survey_fewer_than_k',
              message: 'Unit yang dipilih memiliki terlalu sedikit pegawai aktif. Tambahkan unit lain.',
              details: [],
            },
          },
          422,
        ),
    });
    await user.click(await screen.findByRole('button', { name: 'Buka survei' }));
    const dialog = screen.getByRole('dialog', { name: 'Buka "Denyut Desember"?' });
    expect(within(dialog).getByText(/Daftar pegawai yang ditanya dikunci sekarang/)).toBeTruthy();
    expect(within(dialog).getByText(/paling sedikit 7 orang berbagi kelompok yang sama/)).toBeTruthy();
    expect(within(dialog).getByText(/Ambang anonimitas dibekukan pada 7 orang/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Buka survei' }));
    expect(await within(dialog).findByText(/terlalu sedikit pegawai aktif/)).toBeTruthy();
    expect(within(dialog).getByText(/tambahkan unit di formulir draf, simpan, lalu buka survei lagi/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/surveys/s1/open')).toHaveLength(1);
  });

  it('opens after the confirmation and shows the response rate instead of the draft form', async () => {
    const user = userEvent.setup();
    const opened = { ...draft, status: 'open' as const, threshold: 7, memberCount: 20, openedAt: draft.createdAt };
    const state = open(draft, {
      'POST /surveys/s1/open': () => {
        state.set(opened);
        return json(opened);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Buka survei' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Buka survei' }));
    expect(await screen.findByRole('heading', { name: 'Tingkat partisipasi' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Ubah draf' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Tutup survei' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Lihat hasil' })).toBeNull();
  });

  it('will not open while the draft has unsaved changes', async () => {
    const user = userEvent.setup();
    open(draft);
    await user.type(await screen.findByLabelText('Judul'), ' 2026');
    expect((screen.getByRole('button', { name: 'Buka survei' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Simpan perubahan Anda lebih dulu sebelum membuka survei.')).toBeTruthy();
  });
});

describe('a closed survey', () => {
  it('shows withheld counts as fewer than k, and says why', async () => {
    open(closed);
    const table = await screen.findByRole('table', { name: 'Partisipasi per unit' });
    const sek = within(table).getByRole('row', { name: /Sekretariat/ });
    expect(within(sek).getByText('kurang dari 7, disembunyikan')).toBeTruthy();
    expect(screen.getByText('12 dari 20 pegawai sudah menjawab')).toBeTruthy();
    expect(screen.getByText(/berarti kelompok itu terlalu kecil/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lihat hasil' }).getAttribute('href')).toBe('/surveys/s1/results');
  });

  it('reopens only with a reason, which it says is logged, and a new closing date', async () => {
    const user = userEvent.setup();
    let body: unknown = null;
    const reopened = { ...closed, status: 'open' as const, closesOn: '2026-12-24', closedAt: null };
    const state = open(closed);
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST' && String(input).endsWith('/surveys/s1/reopen')) {
        body = JSON.parse(String(init.body));
        state.set(reopened);
        return json(reopened);
      }
      return fetchStub(input, init);
    });
    await user.click(await screen.findByRole('button', { name: 'Buka kembali' }));
    const dialog = screen.getByRole('dialog', { name: 'Buka kembali "Denyut Desember"?' });
    expect(within(dialog).getByText('Alasan ini dicatat di log audit bersama nama Anda.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Buka kembali' }));
    expect(await within(dialog).findByText('Wajib diisi.')).toBeTruthy();
    expect(body).toBeNull();

    await user.type(within(dialog).getByLabelText('Alasan'), 'Dua unit baru selesai apel pagi');
    const date = within(dialog).getByLabelText('Tanggal tutup baru');
    await user.clear(date);
    await user.type(date, '24/12/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Buka kembali' }));
    expect(await screen.findByRole('button', { name: 'Tutup survei' })).toBeTruthy();
    expect(body).toEqual({ reason: 'Dua unit baru selesai apel pagi', closesOn: '2026-12-24' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
