// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SuggestionBoard } from '../../api/suggestions.api.js';
import { json, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { SuggestionBoxPage } from './SuggestionBoxPage.js';

const session = sessionFixture();

const board = (items: SuggestionBoard['items'], total = items.length): SuggestionBoard => ({
  items,
  total,
  page: 1,
  pageSize: 20,
  threshold: 7,
  perDay: 3,
});

const replied = {
  id: 'a1',
  topic: 'facilities' as const,
  text: '<b>AC ruang rapat</b> mati sejak Senin',
  weekOf: '2026-11-30',
  reply: 'Sudah diperbaiki hari Rabu.',
};

function open(routes: Record<string, () => Response>) {
  const calls = stubApi(routes);
  renderWithRoutes([{ path: '/suggestions', element: <SuggestionBoxPage /> }], { url: '/suggestions', session });
  return calls;
}

const posts = (calls: Array<{ method: string; path: string }>) => calls.filter((c) => c.method === 'POST');

describe('the suggestion box', () => {
  it('says what is kept and what is not before anything is written, with the agency’s k', async () => {
    open({ 'GET /suggestions/board': () => json(board([])) });
    expect(await screen.findByText(/dirilis bersama paling sedikit 7 saran lain/)).toBeTruthy();
    expect(screen.getByText(/Nama, NIP, unit kerja, dan jam pengiriman tidak disimpan/)).toBeTruthy();
    expect(screen.getByText(/Jangan menulis nama atau nomor/)).toBeTruthy();
    expect(screen.getByText(/dapat dibaca semua pegawai instansi/)).toBeTruthy();
    expect(await screen.findByText('Belum ada saran di papan')).toBeTruthy();
  });

  it('shows released suggestions as plain text with their replies', async () => {
    open({
      'GET /suggestions/board': () =>
        json(board([replied, { ...replied, id: 'a2', topic: null, reply: null, text: 'Saran lain' }])),
    });
    const list = await screen.findByRole('list', { name: 'Daftar saran' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    // What someone typed as HTML stays the characters they typed.
    expect(within(cards[0]!).getByText('<b>AC ruang rapat</b> mati sejak Senin')).toBeTruthy();
    expect(cards[0]!.querySelector('b')).toBeNull();
    expect(within(cards[0]!).getByText('Fasilitas')).toBeTruthy();
    expect(within(cards[0]!).getByText('Sudah diperbaiki hari Rabu.')).toBeTruthy();
    expect(within(cards[1]!).getByRole('heading', { name: 'Tanpa topik' })).toBeTruthy();
    expect(within(cards[1]!).getByText('Belum dijawab.')).toBeTruthy();
  });

  it('refuses an empty suggestion without sending anything', async () => {
    const user = userEvent.setup();
    const calls = open({ 'GET /suggestions/board': () => json(board([])) });
    await user.click(await screen.findByRole('button', { name: 'Kirim saran' }));
    expect(await screen.findByText('Tulis saran Anda dulu.')).toBeTruthy();
    expect(posts(calls)).toEqual([]);
  });

  it('sends the text and topic once with an Idempotency-Key, then thanks the person', async () => {
    const user = userEvent.setup();
    const sent: Array<{ body: unknown; key: string | null }> = [];
    stubApi({ 'GET /suggestions/board': () => json(board([])) });
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') {
        sent.push({
          body: JSON.parse(String(init?.body)),
          key: new Headers(init?.headers).get('idempotency-key'),
        });
        return json({ ok: true }, 201);
      }
      return fetchStub(input, init);
    });
    renderWithRoutes([{ path: '/suggestions', element: <SuggestionBoxPage /> }], { url: '/suggestions', session });
    await user.selectOptions(await screen.findByLabelText(/^Topik/), 'workload');
    await user.type(screen.getByLabelText(/^Saran Anda/), 'Rapat sore terlalu sering');
    await user.click(screen.getByRole('button', { name: 'Kirim saran' }));
    expect(await screen.findByText('Terima kasih, saran Anda sudah masuk')).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ topic: 'workload', text: 'Rapat sore terlalu sering' });
    expect(sent[0]!.key).toBeTruthy();
    // Another one starts from an empty form.
    await user.click(screen.getByRole('button', { name: 'Tulis saran lain' }));
    expect((screen.getByLabelText(/^Saran Anda/) as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps the text and shows the server’s message when the day’s limit is reached', async () => {
    const user = userEvent.setup();
    open({
      'GET /suggestions/board': () => json(board([])),
      'POST /me/suggestions': () =>
        json(
          {
            error: {
              code: 'suggestion_daily_limit',
              message: 'Anda sudah mengirim 3 saran hari ini.',
              details: [],
              requestId: 'r1',
            },
          },
          429,
        ),
    });
    await user.type(await screen.findByLabelText(/^Saran Anda/), 'Saran keempat');
    await user.click(screen.getByRole('button', { name: 'Kirim saran' }));
    expect(await screen.findByText('Anda sudah mengirim 3 saran hari ini.')).toBeTruthy();
    expect((screen.getByLabelText(/^Saran Anda/) as HTMLTextAreaElement).value).toBe('Saran keempat');
  });
});
