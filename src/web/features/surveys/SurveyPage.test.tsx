// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SurveyDetail, SurveyProgress } from '../../api/surveys.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { SurveyPage } from './SurveyPage.js';

/** A unit id as the contract takes it (a UUID), so the draft form's own check passes. */
const DINKES = '6f1c2b1e-7d4a-4c1e-9a57-3f0e2d6b8a01';
const both = (text: string) => ({ id: text, en: `${text} (en)` });

const draft: SurveyDetail = {
  id: 's1',
  title: 'Denyut Desember',
  templateId: 'pulse',
  variant: 'administration',
  status: 'draft',
  units: [{ id: DINKES, name: 'Dinas Kesehatan' }],
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
    { unitId: DINKES, unitName: 'Dinas Kesehatan', parentId: null, depth: 0, members: 20, answered: 12 },
    { unitId: 'sek', unitName: 'Sekretariat', parentId: DINKES, depth: 1, members: 4, answered: null },
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
    'GET /units': () => json({ items: [unit(DINKES, 'Dinas Kesehatan', null), unit('sek', 'Sekretariat', DINKES)] }),
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

describe('the question builder of a draft', () => {
  /** The draft page, with every PUT's body kept and answered by `answer`. */
  function openBuilder(answer: (body: { definition: SurveyDetail['definition'] }) => Response) {
    const puts: Array<{ definition: SurveyDetail['definition'] }> = [];
    open(draft);
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'PUT' && String(input).endsWith('/surveys/s1')) {
        const body = JSON.parse(String(init.body)) as { definition: SurveyDetail['definition'] };
        puts.push(body);
        return answer(body);
      }
      return fetchStub(input, init);
    });
    return puts;
  }

  it('adds, reorders and removes questions, and sends the whole definition', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const puts = openBuilder((body) => json({ ...draft, definition: body.definition }));
    await user.selectOptions(await screen.findByLabelText('Jenis pertanyaan baru di bagian 1'), 'single');
    await user.click(screen.getByRole('button', { name: 'Tambah pertanyaan ke bagian 1' }));
    // The new question opens with focus in its text.
    const text = screen.getByLabelText('Teks pertanyaan (Bahasa Indonesia)', {
      selector: '[id$="questions.1.text.id"]',
    });
    expect(document.activeElement).toBe(text);
    await user.type(text, 'Moda ke kantor?');
    await user.type(
      screen.getByLabelText('Teks pertanyaan (Bahasa Inggris)', { selector: '[id$="questions.1.text.en"]' }),
      'Commute?',
    );
    await user.type(screen.getByLabelText('Pilihan 1 (Bahasa Indonesia)'), 'Motor');
    await user.type(screen.getByLabelText('Pilihan 1 (Bahasa Inggris)'), 'Motorbike');
    await user.type(screen.getByLabelText('Pilihan 2 (Bahasa Indonesia)'), 'Bus');
    await user.type(screen.getByLabelText('Pilihan 2 (Bahasa Inggris)'), 'Bus');

    // Up by a button; focus stays with the moved question (its ↑ is now disabled, so its ↓).
    await user.click(screen.getByRole('button', { name: 'Naikkan pertanyaan 2' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Turunkan pertanyaan 1' }));
    expect((screen.getByRole('button', { name: 'Naikkan pertanyaan 1' }) as HTMLButtonElement).disabled).toBe(true);

    // A removal can be undone, then done again.
    await user.click(screen.getByRole('button', { name: 'Hapus pertanyaan 2' }));
    expect(screen.getByText('Pertanyaan 2 dihapus.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Urungkan' }));
    expect(screen.getByRole('button', { name: 'Hapus pertanyaan 2' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Gandakan pertanyaan 2' }));
    await user.click(screen.getByRole('button', { name: 'Hapus pertanyaan 3' }));
    await user.click(screen.getByRole('button', { name: 'Hapus pertanyaan 2' }));

    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect(await screen.findByText('Draf survei sudah disimpan.')).toBeTruthy();
    expect(puts).toHaveLength(1);
    expect(puts[0]!.definition).toEqual({
      themes: [],
      sections: [
        {
          id: 'main',
          title: both('Dua minggu terakhir'),
          questions: [
            {
              id: 'pertanyaan-1',
              kind: 'single',
              required: true,
              text: { id: 'Moda ke kantor?', en: 'Commute?' },
              options: [
                { id: 'opsi-1', label: { id: 'Motor', en: 'Motorbike' } },
                { id: 'opsi-2', label: { id: 'Bus', en: 'Bus' } },
              ],
            },
          ],
        },
      ],
    });
  });

  it(
    'shows problems by the field they concern, its own check first and then the server’s',
    { timeout: 15_000 },
    async () => {
      const user = userEvent.setup();
      const puts = openBuilder(() =>
        json(
          {
            error: {
              code: 'validation',
              message: 'Ada isian yang perlu diperbaiki.',
              details: [
                {
                  path: 'definition.sections.0.questions.0.lowLabel.en',
                  code: 'custom',
                  message: 'Isi teks ini dalam bahasa Indonesia dan bahasa Inggris.',
                },
              ],
            },
          },
          422,
        ),
      );
      // A blank text never leaves the browser: the same rules, said beside the field.
      await user.click(await screen.findByText('Seberapa bertenaga Anda?', { selector: '.builder-question__text' }));
      const text = screen.getByLabelText('Teks pertanyaan (Bahasa Inggris)');
      await user.clear(text);
      await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
      expect(puts).toHaveLength(0);
      expect(text.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(`${text.id}-error`)?.textContent).toContain(
        'Isi teks ini dalam bahasa Indonesia dan bahasa Inggris.',
      );

      await user.type(text, 'How energetic are you?');
      await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
      expect(puts).toHaveLength(1);
      const low = await screen.findByLabelText('Arti angka 0 (Bahasa Inggris)');
      expect(low.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(`${low.id}-error`)?.textContent).toContain('Isi teks ini');
      expect(text.getAttribute('aria-invalid')).toBeNull();
    },
  );

  it('shows each edit in the phone preview at once', { timeout: 15_000 }, async () => {
    const user = userEvent.setup();
    openBuilder(() => json(draft));
    const frame = await screen.findByRole('group', { name: 'Pratinjau formulir survei' });
    expect(within(frame).getByText('Seberapa bertenaga Anda?')).toBeTruthy();
    await user.click(screen.getByText('Seberapa bertenaga Anda?', { selector: '.builder-question__text' }));
    const text = screen.getByLabelText('Teks pertanyaan (Bahasa Indonesia)');
    await user.clear(text);
    await user.type(text, 'Seberapa segar Anda pagi ini?');
    expect(within(frame).getByText('Seberapa segar Anda pagi ini?')).toBeTruthy();
    expect(within(frame).queryByText('Seberapa bertenaga Anda?')).toBeNull();
    // Unsaved: said on the page, and the survey cannot open yet.
    expect(screen.getByText('Ada perubahan yang belum disimpan.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Buka survei' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
