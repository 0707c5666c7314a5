// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ManagedSuggestionList, SuggestionReleases } from '../../api/suggestions.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { ManageSuggestionsPage } from './ManageSuggestionsPage.js';

const session = sessionFixture();

const releases = (releasable: boolean): SuggestionReleases => ({
  items: [
    {
      id: 'r1',
      weekOf: '2026-11-30',
      count: 6,
      topics: [
        { topic: 'workload', count: 4 },
        { topic: null, count: 2 },
      ],
    },
  ],
  releasable,
  threshold: 5,
});

const list: ManagedSuggestionList = {
  items: [
    { id: 's1', topic: 'workload', text: 'Lembur tiap Jumat', weekOf: '2026-11-30', reply: null, hiddenReason: null },
    {
      id: 's2',
      topic: 'colleagues',
      text: 'Kata-kata kasar',
      weekOf: '2026-11-30',
      reply: null,
      hiddenReason: 'Kasar',
    },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

function open(releasable = false) {
  const calls = stubApi({
    'GET /suggestions/releases': () => json(releases(releasable)),
    'GET /suggestions': () => json(list),
  });
  renderWithRoutes([{ path: '/suggestions/manage', element: <ManageSuggestionsPage /> }], {
    url: '/suggestions/manage',
    session,
  });
  return calls;
}

describe('managing the suggestion box', () => {
  it('shows releases with their counts per topic, and no "release now" while fewer than k wait', async () => {
    open(false);
    expect(await screen.findByText('Minggu 30 Nov 2026: 6 saran')).toBeTruthy();
    expect(screen.getByText(/Beban kerja 4, Tanpa topik 2/)).toBeTruthy();
    expect(screen.getByText(/belum mencapai 5/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rilis sekarang' })).toBeNull();
  });

  it('marks a hidden suggestion with its reason and offers no reply or hide for it, only to show it again', async () => {
    open();
    const list = await screen.findByRole('list', { name: 'Daftar saran' });
    const [visible, hidden] = within(list).getAllByRole('listitem');
    expect(within(hidden!).getByText('Disembunyikan')).toBeTruthy();
    expect(within(hidden!).getByText('Alasan: Kasar')).toBeTruthy();
    expect(
      within(hidden!)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Tampilkan lagi']);
    expect(within(visible!).getByRole('button', { name: 'Simpan jawaban' })).toBeTruthy();
  });

  it('sends a reply, and asks for a reason before hiding', async () => {
    const user = userEvent.setup();
    const sent: Array<{ method: string; path: string; body: unknown }> = [];
    open(true);
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (method !== 'GET') {
        sent.push({ method, path: new URL(String(input), 'http://x').pathname, body: JSON.parse(String(init?.body)) });
        return json({ ok: true });
      }
      return fetchStub(input, init);
    });
    const list = await screen.findByRole('list', { name: 'Daftar saran' });
    const [visible] = within(list).getAllByRole('listitem');
    await user.type(within(visible!).getByLabelText(/Jawaban untuk semua pegawai/), 'Akan kami bahas');
    await user.click(within(visible!).getByRole('button', { name: 'Simpan jawaban' }));
    expect(await screen.findByText('Jawaban disimpan dan tampil di papan saran.')).toBeTruthy();
    expect(sent[0]).toEqual({
      method: 'PUT',
      path: '/api/v1/suggestions/s1/reply',
      body: { reply: 'Akan kami bahas' },
    });

    await user.click(within(visible!).getByRole('button', { name: 'Sembunyikan' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Sembunyikan' }));
    expect(await within(dialog).findByText('Tulis alasannya dulu.')).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Rilis sekarang' })).toBeTruthy();
  });
});
